package dev.strata.check.rules.mesh;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import java.util.Map;
import java.util.Optional;

/** STRICT mTLS in a namespace whose pods have no mesh proxy refuses all their traffic, or enforces nothing. */
public final class StrictMtlsNotEnrolledRule extends BaseRule {

    public StrictMtlsNotEnrolledRule() {
        super(RuleInfo.across("strict-mtls-not-enrolled", Category.MESH, Severity.ERROR,
                "A PeerAuthentication requires STRICT mTLS in a namespace that is not enrolled in the mesh (no ambient or sidecar label), so mTLS is never applied.",
                "Label the namespace istio.io/dataplane-mode=ambient (or istio-injection=enabled) in the input.").appliesTo("security.istio.io/PeerAuthentication"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        String mode = object.spec().path("mtls").flatMap(m -> m.str("mode")).orElse("");
        if (!mode.equals("STRICT") || object.namespace().isEmpty() || object.namespace().equals("istio-system")) {
            return;
        }
        Optional<Resource> ns = ctx.graph().namespace(object.namespace());
        if (ns.isEmpty()) {
            return;
        }
        Map<String, String> labels = ns.get().labels();
        if (!MeshLabels.ambient(labels) && !MeshLabels.sidecar(labels)) {
            ctx.report("mtls mode STRICT in namespace " + object.namespace()
                    + ", which is not enrolled in the mesh (no istio.io/dataplane-mode=ambient, istio-injection=enabled or istio.io/rev label)");
        }
    }
}
