package dev.strata.plan;

import java.util.List;

/** The spec cannot be planned: components missing, in conflict, unsupported, or in a cycle. */
public class PlanException extends RuntimeException {

    private final List<String> problems;

    public PlanException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
