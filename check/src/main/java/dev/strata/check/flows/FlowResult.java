package dev.strata.check.flows;

/** A flow and its verdict. */
public record FlowResult(Flow flow, Verdict verdict) {

    public boolean allowed() {
        return verdict.allowed();
    }
}
