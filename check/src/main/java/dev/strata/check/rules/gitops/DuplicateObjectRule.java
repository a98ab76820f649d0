package dev.strata.check.rules.gitops;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;

/** The same object defined twice: one silently wins, depending on sync order. */
public final class DuplicateObjectRule extends BaseRule {

    public DuplicateObjectRule() {
        super(RuleInfo.across("duplicate-object", Category.GITOPS, Severity.ERROR,
                "The same object (API group, kind, namespace, name) is defined more than once in the input.",
                "Keep one definition; use a Kustomize overlay or Helm value to vary it."));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        if (object.name().isEmpty()) {
            return;
        }
        for (Resource other : ctx.graph().find(object.kind(), object.namespace(), object.name())) {
            if (other == object) {
                return;
            }
            boolean separateOverlays = other.origin().startsWith("kustomize:") && object.origin().startsWith("kustomize:")
                    && !other.origin().equals(object.origin());
            if (other.group().equals(object.group()) && !separateOverlays) {
                ctx.report("also defined at " + other.file() + ":" + other.line());
                return;
            }
        }
    }
}
