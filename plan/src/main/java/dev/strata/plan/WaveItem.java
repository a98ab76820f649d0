package dev.strata.plan;

/**
 * Something Argo CD syncs in a wave: a component release, a bundle of platform configuration
 * (the Gateway, issuers, mesh and admission policies), the namespaces, or an app.
 *
 * @param reason why it is in this wave and not an earlier one
 */
public record WaveItem(String name, Kind kind, String component, String reason) {

    public enum Kind { NAMESPACES, RELEASE, CONFIG, APP }
}
