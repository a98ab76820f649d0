package dev.strata.render.config;

import dev.strata.render.Generator;
import dev.strata.render.Obj;
import dev.strata.render.RenderContext;
import dev.strata.render.RenderedTree;

import java.util.List;

import static dev.strata.render.Obj.map;

/**
 * {@code platform/config/linkerd-identity/}: Linkerd's trust anchor and identity issuer, made by
 * cert-manager in the cluster. The control-plane chart runs with identity.externalCA true and
 * identity.issuer.scheme kubernetes.io/tls, so it reads the issuer from Secret
 * linkerd/linkerd-identity-issuer (tls.crt, tls.key, and ca.crt = the trust anchor).
 */
public final class LinkerdIdentityGenerator implements Generator {

    static final String SELF_SIGNED = "linkerd-selfsigned";
    static final String TRUST_ANCHOR = "linkerd-trust-anchor";
    static final String IDENTITY_ISSUER = "linkerd-identity-issuer";

    @Override
    public String name() {
        return Bundles.LINKERD_IDENTITY;
    }

    @Override
    public void generate(RenderContext ctx, RenderedTree out) {
        if (!ctx.hasWaveItem(Bundles.LINKERD_IDENTITY)) {
            return;
        }
        String dir = Bundles.dir(Bundles.LINKERD_IDENTITY);
        String api = CertificatesGenerator.API;
        ConfigFile.write(out, dir, List.of("Self-signed issuer for Linkerd's trust anchor only (its own, apart from the lab CA, so",
                        "that mesh identities never chain to the CA that signs web certificates)."),
                Obj.of(api, "ClusterIssuer", SELF_SIGNED).put("spec", map("selfSigned", map())).build());
        ConfigFile.write(out, dir, List.of("Linkerd's trust anchor (root of every workload identity). Long-lived on purpose: rotating it",
                        "needs a bundle of old and new roots in linkerd-identity-trust-roots, which a lab does not do."),
                Obj.of(api, "Certificate", TRUST_ANCHOR).namespace(Bundles.CERT_MANAGER_NAMESPACE).put("spec", map(
                        "isCA", true,
                        "commonName", "root.linkerd.cluster.local",
                        "secretName", TRUST_ANCHOR,
                        "duration", "87600h",
                        "renewBefore", "8760h",
                        "privateKey", map("algorithm", "ECDSA", "size", 256),
                        "issuerRef", CertificatesGenerator.issuer(SELF_SIGNED))).build());
        ConfigFile.write(out, dir, List.of("Signs Linkerd's identity issuer from the trust anchor's Secret (cert-manager namespace)."),
                Obj.of(api, "ClusterIssuer", TRUST_ANCHOR).put("spec", map("ca", map("secretName", TRUST_ANCHOR))).build());
        ConfigFile.write(out, dir, List.of("Linkerd's identity issuer: an intermediate CA the identity controller signs workload",
                        "certificates with. Short-lived and renewed by cert-manager (Linkerd's documented 48h/25h); Linkerd",
                        "reloads it from the kubernetes.io/tls Secret. Its ca.crt is the trust anchor."),
                Obj.of(api, "Certificate", IDENTITY_ISSUER).namespace(Bundles.LINKERD_NAMESPACE).put("spec", map(
                        "isCA", true,
                        "commonName", "identity.linkerd.cluster.local",
                        "dnsNames", List.of("identity.linkerd.cluster.local"),
                        "secretName", IDENTITY_ISSUER,
                        "duration", "48h",
                        "renewBefore", "25h",
                        "privateKey", map("algorithm", "ECDSA", "size", 256),
                        "usages", List.of("cert sign", "crl sign", "server auth", "client auth"),
                        "issuerRef", CertificatesGenerator.issuer(TRUST_ANCHOR))).build());
        ConfigFile.write(out, dir, List.of("Linkerd (identity.externalCA) reads its trust anchor from the ConfigMap",
                        "linkerd/linkerd-identity-trust-roots, key ca-bundle.crt. cert-manager writes only Secrets, so",
                        "trust-manager copies the anchor's public certificate there (never its key); the Bundle's name",
                        "is the ConfigMap's."),
                Obj.of("trust.cert-manager.io/v1alpha1", "Bundle", TRUST_ROOTS).put("spec", map(
                        "sources", List.of(map("secret", map("name", TRUST_ANCHOR, "key", "ca.crt"))),
                        "target", map(
                                "configMap", map("key", "ca-bundle.crt"),
                                "namespaceSelector", map("matchLabels", map("kubernetes.io/metadata.name", Bundles.LINKERD_NAMESPACE))))).build());
    }

    static final String TRUST_ROOTS = "linkerd-identity-trust-roots";
}
