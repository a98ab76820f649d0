package dev.strata.check.rules.mesh;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;

/** A namespace labelled for both ambient and sidecar injection. */
public final class MixedMeshModesRule extends BaseRule {

    public MixedMeshModesRule() {
        super(RuleInfo.of("mixed-mesh-modes", Category.MESH, Severity.ERROR,
                "A namespace is enrolled in Istio ambient and sidecar modes at once.",
                "Keep one enrolment label: istio.io/dataplane-mode=ambient or istio-injection=enabled.").appliesTo("Namespace"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        var labels = object.labels();
        if (MeshLabels.ambient(labels) && MeshLabels.sidecar(labels)) {
            ctx.report(object.metadata().keyLine("labels"), "namespace is enrolled in ambient (istio.io/dataplane-mode=ambient) and sidecar ("
                    + MeshLabels.sidecarLabel(labels) + ") modes at once");
        }
    }
}
