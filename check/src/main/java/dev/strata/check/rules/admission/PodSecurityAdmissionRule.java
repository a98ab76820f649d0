package dev.strata.check.rules.admission;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.admission.Admission;
import dev.strata.check.admission.PodSecurity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.PodRule;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A pod its namespace's Pod Security admission refuses: the level from the Namespace's
 * {@code pod-security.kubernetes.io/enforce} label, else the cluster's default ({@link Admission}), every check of that level
 * ({@link PodSecurity}). The API server admits a Deployment that violates it and only warns; its
 * ReplicaSet's pods are then refused, so the workload never starts.
 */
public final class PodSecurityAdmissionRule extends PodRule {

    /** The id the engine looks for: when this rule is active, the pod rules it covers defer to it. */
    public static final String ID = "pod-security-admission";

    public PodSecurityAdmissionRule() {
        super(RuleInfo.across(ID, Category.ADMISSION, Severity.ERROR,
                "A pod violates the Pod Security level its namespace enforces (pod-security.kubernetes.io/enforce), so the API server refuses it and the workload never starts.",
                "Give the pod what the level requires (securityContext: runAsNonRoot, allowPrivilegeEscalation: false, capabilities drop ALL, seccompProfile RuntimeDefault for restricted), or label the namespace with the level its pods need and say why."));
    }

    @Override
    protected void checkPod(Resource object, PodTemplate pod, RuleContext ctx) {
        Optional<PodSecurity.Level> level = Admission.enforced(object.namespace(), ctx.graph(), ctx.clusterModel());
        if (level.isEmpty()) {
            return;
        }
        List<PodSecurity.Violation> violations = PodSecurity.evaluate(pod, level.get());
        if (violations.isEmpty()) {
            return;
        }
        String who = object.kind().equals("Pod") ? "the pod is" : "its pods are";
        String details = violations.stream().map(v -> v.detail() + " (" + v.check() + ")").distinct().collect(Collectors.joining("; "));
        ctx.report(violations.getFirst().line(), who + " refused by Pod Security \"" + level.get().label() + "\" of namespace "
                + object.namespace() + ": " + details);
    }
}
