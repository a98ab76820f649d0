package dev.strata.check.rules;

import dev.strata.check.RuleInfo;
import dev.strata.check.rule.Rule;

/** Holds a rule's metadata; subclasses declare it in their constructor, beside the check. */
public abstract class BaseRule implements Rule {

    private final RuleInfo info;

    protected BaseRule(RuleInfo info) {
        this.info = info;
    }

    @Override
    public final RuleInfo info() {
        return info;
    }
}
