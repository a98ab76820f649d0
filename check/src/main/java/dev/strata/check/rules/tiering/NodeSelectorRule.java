package dev.strata.check.rules.tiering;

import dev.strata.check.Category;
import dev.strata.check.ClusterModel;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.Selectors;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;
import java.util.Map;
import java.util.stream.Collectors;

/** A nodeSelector no node satisfies leaves the pod Pending forever. */
public final class NodeSelectorRule extends PodRule {

    public NodeSelectorRule() {
        super(RuleInfo.across("node-selector-unsatisfiable", Category.TIERING, Severity.ERROR,
                "A pod's nodeSelector (or required node affinity) matches no node of the cluster model, so it stays Pending.",
                "Use labels that the spec's nodes carry (e.g. the tier label) in nodeSelector."));
    }

    @Override
    public boolean needsClusterModel() {
        return true;
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        ClusterModel model = ctx.clusterModel().orElseThrow();
        Map<String, String> selector = pod.podSpec().stringMap("nodeSelector");
        boolean affinity = !Scheduling.requiredTerms(pod).isEmpty();
        if (selector.isEmpty() && !affinity
                || model.nodes().stream().anyMatch(n -> Scheduling.selectorMatches(pod, n))) {
            return;
        }
        String nodes = " matches no node (" + model.nodes().stream().map(ClusterModel.Node::name)
                .collect(Collectors.joining(", ")) + ")";
        boolean selectorAlone = !selector.isEmpty()
                && model.nodes().stream().noneMatch(n -> Selectors.matches(selector, n.labels()));
        if (selectorAlone || !affinity) {
            ctx.report(pod.podSpec().keyLine("nodeSelector"), "nodeSelector " + Selectors.display(selector) + nodes);
        } else {
            ctx.report(pod.podSpec().keyLine("affinity"), (selector.isEmpty() ? "" : "nodeSelector "
                    + Selectors.display(selector) + " with ") + "required node affinity" + nodes);
        }
    }
}
