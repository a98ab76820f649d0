package dev.strata.check.rules.references;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.References;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.util.List;
import java.util.Optional;

/**
 * The Services an Argo Rollout names. A canary with trafficRouting must name both a canaryService
 * and a stableService (the controller marks the Rollout InvalidSpec otherwise: rollout/validation);
 * every Service it names (canary, stable, blue-green active and preview) must exist. Kustomize's
 * namePrefix and nameSuffix rename Services but not these Rollout fields (no built-in name reference
 * for the Rollout kind), which is how a renamed Service leaves a Rollout pointing at nothing.
 */
public final class RolloutServicesRule extends BaseRule {

    public RolloutServicesRule() {
        super(RuleInfo.across("rollout-services", Category.REFERENCES, Severity.ERROR,
                "An Argo Rollout's canary with trafficRouting lacks canaryService or stableService, or a Service it names does not exist.",
                "Name both Services for a canary with trafficRouting and point every service field at an existing Service; with kustomize namePrefix, add a nameReference configuration for the Rollout kind.").appliesTo("argoproj.io/Rollout"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        YMap strategy = object.spec().map("strategy").orElse(YMap.empty());
        Optional<YMap> canary = strategy.map("canary");
        if (canary.isPresent() && canary.get().has("trafficRouting")) {
            for (String field : List.of("canaryService", "stableService")) {
                if (canary.get().str(field).filter(s -> !s.isBlank()).isEmpty()) {
                    ctx.report(canary.get().keyLine("trafficRouting"), "canary with trafficRouting has no " + field
                            + "; the controller refuses the Rollout (InvalidSpec)");
                }
            }
        }
        canary.ifPresent(c -> services(object, ctx, c, "canaryService", "stableService"));
        strategy.map("blueGreen").ifPresent(b -> services(object, ctx, b, "activeService", "previewService"));
    }

    private static void services(Resource object, RuleContext ctx, YMap block, String... fields) {
        for (String field : fields) {
            Optional<String> name = block.str(field).filter(s -> !s.isBlank());
            if (name.isEmpty() || ctx.graph().exists("Service", object.namespace(), name.get())) {
                continue;
            }
            String renamed = ctx.graph().ofKind("Service").stream()
                    .filter(s -> s.namespace().equals(object.namespace()) && !s.name().equals(name.get())
                            && (s.name().endsWith("-" + name.get()) || s.name().startsWith(name.get() + "-") || s.name().endsWith(name.get())))
                    .map(Resource::name).findFirst()
                    .map(n -> " (Service " + n + " exists: renamed by kustomize namePrefix/nameSuffix, which does not rewrite Rollout fields?)").orElse("");
            References.missing(ctx, Severity.ERROR, "Service", object.namespace(), block.keyLine(field),
                    field + " " + name.get() + " does not exist" + renamed);
        }
    }
}
