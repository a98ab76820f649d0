package dev.strata.check.rules.tiering;

import dev.strata.check.Category;
import dev.strata.check.ClusterModel;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;
import java.util.List;
import java.util.stream.Collectors;

/** Every node the pod selects is tainted against it. */
public final class TaintNotToleratedRule extends PodRule {

    public TaintNotToleratedRule() {
        super(RuleInfo.across("taint-not-tolerated", Category.TIERING, Severity.ERROR,
                "Every node a pod's nodeSelector allows carries a NoSchedule or NoExecute taint the pod does not tolerate.",
                "Add a toleration for the tier's taint (key, value, effect) to the pod template."));
    }

    @Override
    public boolean needsClusterModel() {
        return true;
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        if (object.kind().equals("DaemonSet")) {
            return;
        }
        ClusterModel model = ctx.clusterModel().orElseThrow();
        List<ClusterModel.Node> candidates = model.nodes().stream().filter(n -> Scheduling.selectorMatches(pod, n)).toList();
        if (candidates.isEmpty() || candidates.stream().anyMatch(n -> Scheduling.untolerated(pod, n).isEmpty())) {
            return;
        }
        String reasons = candidates.stream().map(n -> Scheduling.untolerated(pod, n).getFirst().display() + " on " + n.name())
                .collect(Collectors.joining(", "));
        ctx.report(pod.podSpec().line(), "no node accepts the pod: untolerated taint " + reasons);
    }
}
