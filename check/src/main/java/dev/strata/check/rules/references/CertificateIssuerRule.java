package dev.strata.check.rules.references;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.References;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;

/** cert-manager Certificates must name an existing Issuer or ClusterIssuer. */
public final class CertificateIssuerRule extends BaseRule {

    public CertificateIssuerRule() {
        super(RuleInfo.across("certificate-issuer-missing", Category.REFERENCES, Severity.ERROR,
                "A cert-manager Certificate's issuerRef names an Issuer or ClusterIssuer that does not exist.",
                "Create the Issuer in the Certificate's namespace (or the ClusterIssuer), or fix issuerRef.").appliesTo("cert-manager.io/Certificate"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        YMap ref = object.spec().map("issuerRef").orElse(YMap.empty());
        if (!ref.strOr("group", "cert-manager.io").equals("cert-manager.io")) {
            return;
        }
        String kind = ref.strOr("kind", "Issuer");
        String name = ref.strOr("name", "");
        String namespace = kind.equals("ClusterIssuer") ? "" : object.namespace();
        if (name.isEmpty() || ctx.graph().exists(kind, namespace, name)) {
            return;
        }
        References.missing(ctx, info().severity(), kind, namespace, ref.line(),
                "issuer " + kind + "/" + name + " does not exist");
    }
}
