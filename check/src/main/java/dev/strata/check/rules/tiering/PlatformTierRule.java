package dev.strata.check.rules.tiering;

import dev.strata.check.Category;
import dev.strata.check.ClusterModel;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;
import java.util.Optional;

/** Platform workloads (in the model's platform namespaces) must only be able to land on the platform tier. */
public final class PlatformTierRule extends PodRule {

    public PlatformTierRule() {
        super(RuleInfo.across("platform-workload-outside-tier", Category.TIERING, Severity.ERROR,
                "A platform workload can be scheduled on a node outside the platform tier.",
                "Give the pod template the platform tier's nodeSelector and toleration."));
    }

    @Override
    public boolean needsClusterModel() {
        return true;
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        ClusterModel model = ctx.clusterModel().orElseThrow();
        if (model.platformTier().isEmpty() || object.kind().equals("DaemonSet")
                || !model.platformNamespaces().contains(object.namespace())) {
            return;
        }
        String tier = model.platformTier().get();
        for (ClusterModel.Node node : Scheduling.eligible(pod, model)) {
            Optional<String> nodeTier = node.tier();
            if (!nodeTier.equals(Optional.of(tier)) && !node.role().equals("control-plane")) {
                ctx.report(pod.podSpec().line(), "pod can be scheduled on node " + node.name() + " (tier "
                        + nodeTier.orElse("none") + "); platform workloads belong on tier " + tier);
                return;
            }
        }
    }
}
