package dev.strata.yaml.tree;

/** One document of a YAML stream and the line it starts on. */
public record YamlDocument(YNode root, int line) {
}
