package dev.strata.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One installable unit of a component: becomes one Argo CD Application.
 *
 * @param valuesByProvider values merged over {@code values} (and the mode's) for one cluster
 *                         provider; the string {@code ${cluster}} stands for the cluster's name
 * @param valuesWith       values merged when another component (the key) is enabled too: Istio
 *                         sends traces to Tempo only when Tempo is part of the platform
 */
public record Release(String name, Optional<String> namespace, List<String> modes, Source source, List<String> crds,
                      boolean crdsTooLargeForClientSideApply, Map<String, Object> values,
                      Map<String, Map<String, Object>> valuesByMode, List<String> freeFormKeys,
                      List<Workload> workloads, String resourcesStyle,
                      Map<String, Map<String, Object>> valuesByProvider, Map<String, Map<String, Object>> valuesWith) {

    /** Resources blocks shaped {@code {requests: {cpu, memory}, limits: {...}}}, as most charts take them. */
    public static final String KUBERNETES_STYLE = "kubernetes";
    /** Linkerd's charts shape them {@code {cpu: {request, limit}, memory: {request, limit}}}. */
    public static final String LINKERD_STYLE = "linkerd";

    public Release {
        namespace = namespace == null ? Optional.empty() : namespace;
        modes = modes == null ? List.of() : List.copyOf(modes);
        crds = crds == null ? List.of() : List.copyOf(crds);
        values = values == null ? Map.of() : values;
        valuesByMode = valuesByMode == null ? Map.of() : valuesByMode;
        freeFormKeys = freeFormKeys == null ? List.of() : List.copyOf(freeFormKeys);
        workloads = workloads == null ? List.of() : List.copyOf(workloads);
        resourcesStyle = resourcesStyle == null ? KUBERNETES_STYLE : resourcesStyle;
        valuesByProvider = valuesByProvider == null ? Map.of() : valuesByProvider;
        valuesWith = valuesWith == null ? Map.of() : valuesWith;
        if (!resourcesStyle.equals(KUBERNETES_STYLE) && !resourcesStyle.equals(LINKERD_STYLE)) {
            throw new IllegalArgumentException("\"" + resourcesStyle + "\" is not a resources style; known: kubernetes, linkerd");
        }
    }

    /** Whether this release is installed when its component runs in {@code mode} (empty: no modes). */
    public boolean inMode(Optional<String> mode) {
        return modes.isEmpty() || mode.map(modes::contains).orElse(true);
    }
}
