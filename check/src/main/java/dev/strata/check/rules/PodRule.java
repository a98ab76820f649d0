package dev.strata.check.rules;

import dev.strata.check.RuleInfo;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;

/** A rule on the pod a workload creates (Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob...). */
public abstract class PodRule extends BaseRule {

    protected PodRule(RuleInfo info) {
        super(info);
    }

    @Override
    public final void check(Resource object, RuleContext context) {
        context.graph().podTemplate(object).ifPresent(t -> checkPod(object, t, context));
    }

    protected abstract void checkPod(Resource object, PodTemplate pod, RuleContext context);

    /** Long-running workloads: not Jobs, CronJobs or bare Pods that are meant to finish. */
    protected static boolean longRunning(Resource object) {
        return switch (object.kind()) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Rollout" -> true;
            default -> false;
        };
    }
}
