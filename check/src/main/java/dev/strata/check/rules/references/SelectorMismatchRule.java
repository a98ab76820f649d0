package dev.strata.check.rules.references;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.Selectors;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;
import dev.strata.yaml.tree.YMap;
import java.util.Optional;

/** A workload's selector must match its own pod template, or the API server rejects it. */
public final class SelectorMismatchRule extends PodRule {

    public SelectorMismatchRule() {
        super(RuleInfo.of("selector-mismatch", Category.REFERENCES, Severity.ERROR,
                "A Deployment, StatefulSet, DaemonSet, ReplicaSet or Job selector does not match its own pod template labels.",
                "Make spec.selector.matchLabels a subset of spec.template.metadata.labels."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        if (object.kind().equals("Pod") || object.kind().equals("CronJob")) {
            return;
        }
        Optional<YMap> selector = object.spec().map("selector");
        if (selector.isEmpty() || object.kind().equals("ReplicationController")) {
            return;
        }
        if (!Selectors.matches(selector.get(), pod.labels())) {
            ctx.report(object.spec().keyLine("selector"), "selector " + Selectors.display(selector.get())
                    + " does not match the pod template labels " + Selectors.display(pod.labels()));
        }
    }
}
