package dev.strata.yaml;

/**
 * The one set of bounds that keeps hostile YAML cheap, for every reader in Strata (the spec's and
 * check's): characters per document, aliases per document, nesting depth and the node count after
 * alias expansion (an alias bomb is refused as soon as its expansion would pass it).
 *
 * <p>The values, and why: 3 Mi code points per document — a rendered chart's CRD bundle runs past
 * 1 MiB, a platform spec is a few KiB; 50 aliases to collections — Kubernetes manifests and specs
 * rarely use anchors, and a classic billion-laughs file needs 90; 100 levels of nesting — the
 * deepest upstream CRD schemas (openAPIV3Schema of Prometheus and Crossplane CRDs) stay well under
 * it; 1,000,000 nodes after expansion — larger than any real document, small enough to refuse an
 * alias bomb in milliseconds.
 */
public record YamlLimits(int codePointsPerDocument, int maxAliases, int maxDepth, long maxExpandedNodes) {

    public static final YamlLimits STANDARD = new YamlLimits(3 * 1024 * 1024, 50, 100, 1_000_000);

    public static YamlLimits defaults() {
        return STANDARD;
    }
}
