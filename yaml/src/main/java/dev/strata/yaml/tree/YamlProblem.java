package dev.strata.yaml.tree;

/**
 * Something that stopped a document from loading, at a 1-based line; {@code path} is where in the
 * document it is (a duplicate key's {@code spec.apps[0].name}), empty when the text could not be
 * read that far.
 */
public record YamlProblem(int line, String path, String message) {

    public YamlProblem(int line, String message) {
        this(line, "", message);
    }
}
