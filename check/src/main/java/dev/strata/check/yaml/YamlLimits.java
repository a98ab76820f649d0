package dev.strata.check.yaml;

/**
 * Bounds that keep hostile input cheap: characters per document, aliases per document, nesting
 * depth and the expanded node count (an alias bomb is refused as soon as its expansion would pass
 * it; the tree itself shares aliased nodes, so memory stays flat).
 */
public record YamlLimits(int codePointsPerDocument, int maxAliases, int maxDepth, long maxExpandedNodes) {

    public static YamlLimits defaults() {
        return new YamlLimits(3 * 1024 * 1024, 100, 100, 1_000_000);
    }
}
