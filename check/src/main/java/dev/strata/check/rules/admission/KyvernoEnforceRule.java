package dev.strata.check.rules.admission;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.admission.Kyverno;
import dev.strata.check.admission.KyvernoPattern;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;
import dev.strata.yaml.tree.YMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A workload a Kyverno policy in Enforce refuses (see {@link Kyverno} for what is evaluated and
 * how). A rule Strata cannot evaluate offline (variables, preconditions, deny conditions, foreach,
 * CEL, user filters) is recorded as skipped with the reason — never counted as passed.
 */
public final class KyvernoEnforceRule extends PodRule {

    public KyvernoEnforceRule() {
        super(RuleInfo.across("kyverno-enforce-denied", Category.ADMISSION, Severity.ERROR,
                "A Kyverno ClusterPolicy or Policy in Enforce refuses the workload (or, through its auto-generated rule, the controller), so it never runs.",
                "Change the workload to satisfy the policy, or exclude its namespace from the policy with the reason in a comment."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        List<Kyverno.EnforcedRule> rules = Kyverno.rules(ctx.graph());
        if (rules.isEmpty()) {
            return;
        }
        String ns = object.namespace();
        if (ns.isEmpty() || Kyverno.NEVER_SEEN.contains(ns) || ns.equals(Kyverno.kyvernoNamespace(ctx.graph()))) {
            return; // Kyverno's webhook never receives these (chart 3.9.0 namespaceSelector and resourceFilters)
        }
        YMap admitted = PodMutations.asAdmitted(pod);
        Set<String> reported = new HashSet<>();
        for (Kyverno.EnforcedRule rule : rules) {
            for (Kyverno.Decision d : Kyverno.decide(rule, object, pod, admitted, ctx.graph())) {
                KyvernoPattern.Result r = d.result();
                if (r.failed() && reported.add(rule.display())) {
                    String who = d.on().equals("Pod") && !object.kind().equals("Pod") ? "its pods are" : "the " + d.on() + " is";
                    String message = rule.validate().strOr("message", "");
                    ctx.report(who + " refused by Kyverno " + rule.display() + (message.isEmpty() ? "" : " (\"" + message + "\")") + ": " + r.detail());
                } else if (r.kind() == KyvernoPattern.Result.Kind.NOT_EVALUATED && reported.add(rule.display())) {
                    ctx.skip("Kyverno " + rule.display() + " not evaluated on " + d.on() + ": " + r.detail());
                }
            }
        }
    }
}
