package dev.strata.render.config;

import dev.strata.plan.facts.PlatformFacts;
import dev.strata.render.Generator;
import dev.strata.render.Obj;
import dev.strata.render.RenderContext;
import dev.strata.render.RenderedTree;

import java.util.List;
import java.util.Map;

import static dev.strata.render.Obj.map;

/**
 * {@code platform/config/certificates/}: a local CA made by cert-manager in the cluster (never a
 * key in git) and the gateway's wildcard certificate issued from it.
 */
public final class CertificatesGenerator implements Generator {

    static final String API = "cert-manager.io/v1";

    @Override
    public String name() {
        return Bundles.CERTIFICATES;
    }

    @Override
    public void generate(RenderContext ctx, RenderedTree out) {
        if (!ctx.hasWaveItem(Bundles.CERTIFICATES)) {
            return;
        }
        String dir = Bundles.dir(Bundles.CERTIFICATES);
        ConfigFile.write(out, dir, List.of(
                        "Self-signed issuer: signs exactly one thing, the lab CA below (cert-manager's CA bootstrap).",
                        "Nothing else may use it: a self-signed leaf would not chain to anything."),
                Obj.of(API, "ClusterIssuer", Bundles.SELF_SIGNED).put("spec", map("selfSigned", map())).build());
        ConfigFile.write(out, dir, List.of(
                        "The lab's certificate authority. Its key is generated in the cluster into Secret " + Bundles.LAB_CA,
                        "(cert-manager namespace, where ClusterIssuers read their Secrets) and never leaves it. Valid ten years:",
                        "a renewed CA would leave issued certificates and trusting workstations behind.",
                        "Trust it on a workstation with: kubectl -n cert-manager get secret " + Bundles.LAB_CA + " -o jsonpath='{.data.ca\\.crt}' | base64 -d"),
                Obj.of(API, "Certificate", Bundles.LAB_CA).namespace(Bundles.CERT_MANAGER_NAMESPACE).put("spec", map(
                        "isCA", true,
                        "commonName", "Strata lab CA (" + ctx.facts().clusterName() + ")",
                        "secretName", Bundles.LAB_CA,
                        // Ten years: a renewed CA would leave every issued certificate chained to the old
                        // one and every workstation that trusts it out of date.
                        "duration", "87600h",
                        "renewBefore", "8760h",
                        "privateKey", map("algorithm", "ECDSA", "size", 256),
                        "issuerRef", issuer(Bundles.SELF_SIGNED))).build());
        ConfigFile.write(out, dir, List.of(
                        "Issues every platform certificate (the gateway's, and any app's) from the lab CA."),
                Obj.of(API, "ClusterIssuer", Bundles.LAB_CA).put("spec", map("ca", map("secretName", Bundles.LAB_CA))).build());
        if (ctx.facts().enabled("istio-gateway")) {
            ConfigFile.write(out, dir, List.of(
                            "The gateway's TLS certificate for every app host (<app>-<env>." + ctx.facts().gateway().domain() + ").",
                            "In the gateway's own namespace, so the Gateway's HTTPS listener references the Secret",
                            "without a ReferenceGrant."),
                    gatewayCertificate(ctx));
        }
    }

    static Map<String, Object> gatewayCertificate(RenderContext ctx) {
        return Obj.of(API, "Certificate", Bundles.GATEWAY_TLS).namespace(PlatformFacts.GATEWAY_NAMESPACE).put("spec", map(
                "secretName", Bundles.GATEWAY_TLS,
                "dnsNames", List.of("*." + ctx.facts().gateway().domain(), ctx.facts().gateway().domain()),
                "duration", "2160h",
                "renewBefore", "360h",
                "privateKey", ecdsa(),
                "usages", List.of("digital signature", "key encipherment", "server auth"),
                "issuerRef", issuer(Bundles.LAB_CA))).build();
    }

    static Map<String, Object> ecdsa() {
        // rotationPolicy Always: a renewed certificate gets a fresh key (cert-manager's default since 1.18, stated).
        return map("algorithm", "ECDSA", "size", 256, "rotationPolicy", "Always");
    }

    static Map<String, Object> issuer(String clusterIssuer) {
        return map("name", clusterIssuer, "kind", "ClusterIssuer", "group", "cert-manager.io");
    }
}
