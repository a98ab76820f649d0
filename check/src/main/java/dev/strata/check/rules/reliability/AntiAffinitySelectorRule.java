package dev.strata.check.rules.reliability;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.Selectors;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Anti-affinity meant to spread replicas must select the workload's own pods. */
public final class AntiAffinitySelectorRule extends PodRule {

    public AntiAffinitySelectorRule() {
        super(RuleInfo.of("anti-affinity-selector-mismatch", Category.RELIABILITY, Severity.WARNING,
                "A pod anti-affinity term does not select the workload's own pods, so it does not spread the replicas.",
                "Use the pod template's own labels in the anti-affinity labelSelector."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        YMap anti = pod.podSpec().path("affinity", "podAntiAffinity").orElse(YMap.empty());
        List<YMap> terms = new ArrayList<>(anti.maps("requiredDuringSchedulingIgnoredDuringExecution"));
        for (YMap weighted : anti.maps("preferredDuringSchedulingIgnoredDuringExecution")) {
            weighted.map("podAffinityTerm").ifPresent(terms::add);
        }
        for (YMap term : terms) {
            Optional<YMap> selector = term.map("labelSelector");
            if (selector.isPresent() && !Selectors.matches(selector.get(), pod.labels())) {
                ctx.report(term.line(), "anti-affinity selector " + Selectors.display(selector.get())
                        + " does not select this workload's pods (" + Selectors.display(pod.labels()) + ")");
            }
        }
    }
}
