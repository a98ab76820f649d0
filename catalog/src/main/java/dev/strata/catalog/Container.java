package dev.strata.catalog;

/**
 * One container of a catalog workload, with the values key that sizes it.
 *
 * @param valuesKey dotted path of the chart value holding this container's {@code resources}
 *                  block; empty when the container is sized by something other than values
 *                  (for example a sidecar injected at admission, sized by the mesh's own values)
 */
public record Container(String name, boolean init, String valuesKey, Resources requests, Resources limits) {

    public Container {
        valuesKey = valuesKey == null ? "" : valuesKey;
        requests = requests == null ? Resources.NONE : requests;
        limits = limits == null ? Resources.NONE : limits;
    }
}
