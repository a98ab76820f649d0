package dev.strata.check.rules.schema;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import java.util.Map;
import java.util.Optional;

/** API versions that current Kubernetes no longer serves. */
public final class RemovedApiVersionRule extends BaseRule {

    /** Removal per "apiVersion Kind" (or "apiVersion *"): release and replacement. */
    private record Removal(String release, String replacement) {
    }

    private static final Map<String, Removal> REMOVED = Map.ofEntries(
            Map.entry("extensions/v1beta1 Deployment", new Removal("1.16", "apps/v1")),
            Map.entry("extensions/v1beta1 DaemonSet", new Removal("1.16", "apps/v1")),
            Map.entry("extensions/v1beta1 ReplicaSet", new Removal("1.16", "apps/v1")),
            Map.entry("extensions/v1beta1 NetworkPolicy", new Removal("1.16", "networking.k8s.io/v1")),
            Map.entry("extensions/v1beta1 PodSecurityPolicy", new Removal("1.16", "Pod Security Admission")),
            Map.entry("extensions/v1beta1 Ingress", new Removal("1.22", "networking.k8s.io/v1")),
            Map.entry("apps/v1beta1 *", new Removal("1.16", "apps/v1")),
            Map.entry("apps/v1beta2 *", new Removal("1.16", "apps/v1")),
            Map.entry("networking.k8s.io/v1beta1 Ingress", new Removal("1.22", "networking.k8s.io/v1")),
            Map.entry("networking.k8s.io/v1beta1 IngressClass", new Removal("1.22", "networking.k8s.io/v1")),
            Map.entry("rbac.authorization.k8s.io/v1beta1 *", new Removal("1.22", "rbac.authorization.k8s.io/v1")),
            Map.entry("apiextensions.k8s.io/v1beta1 CustomResourceDefinition", new Removal("1.22", "apiextensions.k8s.io/v1")),
            Map.entry("admissionregistration.k8s.io/v1beta1 *", new Removal("1.22", "admissionregistration.k8s.io/v1")),
            Map.entry("scheduling.k8s.io/v1beta1 PriorityClass", new Removal("1.22", "scheduling.k8s.io/v1")),
            Map.entry("storage.k8s.io/v1beta1 StorageClass", new Removal("1.22", "storage.k8s.io/v1")),
            Map.entry("policy/v1beta1 PodDisruptionBudget", new Removal("1.25", "policy/v1")),
            Map.entry("policy/v1beta1 PodSecurityPolicy", new Removal("1.25", "Pod Security Admission (no replacement kind)")),
            Map.entry("batch/v1beta1 CronJob", new Removal("1.25", "batch/v1")),
            Map.entry("autoscaling/v2beta1 HorizontalPodAutoscaler", new Removal("1.25", "autoscaling/v2")),
            Map.entry("autoscaling/v2beta2 HorizontalPodAutoscaler", new Removal("1.26", "autoscaling/v2")),
            Map.entry("discovery.k8s.io/v1beta1 EndpointSlice", new Removal("1.25", "discovery.k8s.io/v1")),
            Map.entry("node.k8s.io/v1beta1 RuntimeClass", new Removal("1.25", "node.k8s.io/v1")),
            Map.entry("flowcontrol.apiserver.k8s.io/v1beta2 *", new Removal("1.29", "flowcontrol.apiserver.k8s.io/v1")),
            Map.entry("flowcontrol.apiserver.k8s.io/v1beta3 *", new Removal("1.32", "flowcontrol.apiserver.k8s.io/v1")));

    public RemovedApiVersionRule() {
        super(RuleInfo.of("removed-api-version", Category.SCHEMA, Severity.ERROR,
                "An object uses an API version that current Kubernetes no longer serves (e.g. extensions/v1beta1 Deployment, batch/v1beta1 CronJob).",
                "Move the object to the replacement API version named in the message."));
    }

    static Optional<String> removal(Resource r) {
        Removal removal = REMOVED.get(r.apiVersion() + " " + r.kind());
        if (removal == null) {
            removal = REMOVED.get(r.apiVersion() + " *");
        }
        if (removal == null) {
            return Optional.empty();
        }
        return Optional.of(r.apiVersion() + " " + r.kind() + " was removed in kubernetes " + removal.release()
                + "; use " + removal.replacement());
    }

    static boolean isRemoved(Resource r) {
        return removal(r).isPresent();
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        removal(object).ifPresent(message -> ctx.report(object.root().keyLine("apiVersion"), message));
    }
}
