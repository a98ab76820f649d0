package dev.strata.check.flows;

import dev.strata.check.InputError;
import java.util.ArrayList;
import java.util.List;

/** What {@code check --flows} prints: the flows with their verdicts, and the inputs that could not be read. */
public record FlowReport(List<FlowResult> results, List<InputError> inputErrors) {

    public FlowReport {
        results = List.copyOf(results);
        inputErrors = List.copyOf(inputErrors);
    }

    /** Reports of several roots as one, flows in their order. */
    public static FlowReport merge(List<FlowReport> reports) {
        List<FlowResult> results = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        for (FlowReport r : reports) {
            results.addAll(r.results());
            errors.addAll(r.inputErrors());
        }
        return new FlowReport(results, errors);
    }

    public long blocked() {
        return results.stream().filter(r -> !r.allowed()).count();
    }
}
