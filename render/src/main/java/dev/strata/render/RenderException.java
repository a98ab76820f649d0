package dev.strata.render;

import java.util.List;

/** The spec cannot be rendered (it does not plan, or the target directory is not ours): nothing was written. */
public class RenderException extends RuntimeException {

    private final List<String> problems;

    public RenderException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
