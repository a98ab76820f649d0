package dev.strata.check;

/**
 * Something that was not checked, with the reason: a non-YAML file, a Kustomize directory with no
 * kustomize binary, a chart calling {@code lookup}, an object with no schema, a rule that needs a
 * cluster model.
 *
 * @param unrendered whether this is a source whose objects are missing from the check because it
 *     could not be rendered here (a chart not in the cache or without its dependencies, a
 *     kustomization needing the network, a Flux path of another source, a jsonnet or plugin
 *     source): said per source in the summary and in JSON, since what it deploys was not checked.
 *     A type, not a wording: a rule that could not judge an object may say "not rendered" too
 */
public record Skipped(String what, String reason, boolean unrendered) {

    /** A file, an object or a rule that was skipped (not a source). */
    public Skipped(String what, String reason) {
        this(what, reason, false);
    }

    /** A source (Application, HelmRelease, kustomization, chart) that was not rendered, built, loaded or expanded. */
    public static Skipped unrenderedSource(String what, String reason) {
        return new Skipped(what, reason, true);
    }
}
