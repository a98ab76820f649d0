package dev.strata.check.rules.reliability;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.Selectors;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YScalar;
import java.util.Locale;
import java.util.Optional;

/** A PDB that allows no eviction blocks node drains and cluster upgrades. */
public final class PdbBlocksEvictionRule extends BaseRule {

    public PdbBlocksEvictionRule() {
        super(RuleInfo.across("pdb-blocks-eviction", Category.RELIABILITY, Severity.ERROR,
                "A PodDisruptionBudget allows no voluntary eviction of the workload it selects (minAvailable at or above its replicas, or maxUnavailable 0), so node drains hang.",
                "Set minAvailable below the workload's replicas (or raise replicas), or maxUnavailable to at least 1.").appliesTo("policy/PodDisruptionBudget"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        YMap spec = object.spec();
        Optional<YNode> maxUnavailable = spec.get("maxUnavailable");
        if (maxUnavailable.isPresent() && maxUnavailable.get() instanceof YScalar s
                && (s.value().equals("0") || s.value().equals("0%"))) {
            ctx.report(spec.keyLine("maxUnavailable"), "maxUnavailable " + s.value() + " blocks every voluntary eviction");
            return;
        }
        Optional<YNode> minAvailable = spec.get("minAvailable");
        if (minAvailable.isEmpty() || !(minAvailable.get() instanceof YScalar min)) {
            return;
        }
        YMap selector = spec.map("selector").orElse(YMap.empty());
        for (PodTemplate t : ctx.graph().podTemplates(object.namespace())) {
            if (!Selectors.matches(selector, t.labels()) || Selectors.isEmpty(selector)) {
                continue;
            }
            long replicas = replicas(t.owner(), ctx);
            boolean blocks = min.value().equals("100%")
                    || spec.integer("minAvailable").map(n -> n >= replicas).orElse(false);
            if (blocks) {
                ctx.report(spec.keyLine("minAvailable"), "minAvailable " + min.value() + " leaves no pod of "
                        + t.owner().kind().toLowerCase(Locale.ROOT) + " " + t.owner().name() + " ("
                        + replicas + (replicas == 1 ? " replica" : " replicas") + ") evictable");
            }
        }
    }

    /** Replicas of a workload: the HPA's minReplicas when one scales it, else spec.replicas (default 1). */
    static long replicas(Resource workload, RuleContext ctx) {
        for (Resource hpa : ctx.graph().ofKind("HorizontalPodAutoscaler")) {
            YMap ref = hpa.spec().map("scaleTargetRef").orElse(YMap.empty());
            if (hpa.namespace().equals(workload.namespace()) && ref.strOr("kind", "").equals(workload.kind())
                    && ref.strOr("name", "").equals(workload.name())) {
                return hpa.spec().integer("minReplicas").orElse(1L);
            }
        }
        return workload.spec().integer("replicas").orElse(1L);
    }
}
