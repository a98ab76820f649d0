package dev.strata.check.rules;

import dev.strata.check.RuleInfo;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;

/** A rule on the pod a workload creates (Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob...). */
public abstract class PodRule extends BaseRule {

    /** The kinds whose pod template {@link PodTemplate#of} reads, as group/Kind (the old extensions group too). */
    public static final String[] POD_KINDS = {"Pod", "ReplicationController", "apps/Deployment", "apps/StatefulSet",
        "apps/DaemonSet", "apps/ReplicaSet", "extensions/Deployment", "extensions/DaemonSet", "extensions/ReplicaSet",
        "batch/Job", "batch/CronJob", "argoproj.io/Rollout"};

    /** A pod rule applies to the workload kinds unless it declares fewer. */
    protected PodRule(RuleInfo info) {
        super(info.kinds().isEmpty() ? info.appliesTo(POD_KINDS) : info);
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
