package dev.strata.cluster.verify.checks;

import dev.strata.cluster.kube.ResourceRef;
import dev.strata.cluster.verify.Check;
import dev.strata.cluster.verify.CheckResult;
import dev.strata.cluster.verify.HostHttps;
import dev.strata.cluster.verify.VerifyContext;
import dev.strata.plan.facts.Gateway;
import dev.strata.spec.Provider;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway serves the sample API over HTTPS with the certificate cert-manager issued, on the
 * path a user takes: from this machine (on kind, 127.0.0.1:443, the port the rendered kind config
 * publishes on the ingress node; elsewhere the Gateway's address), for the app's host name, with
 * the certificate verified against the cluster's own CA (the {@code ca.crt} cert-manager's CA issuer
 * writes into the listener's Secret) and its name against the host. No {@code -k}.
 */
public final class GatewayServesHttps implements Check {

    @Override
    public String id() {
        return "gateway-https";
    }

    @Override
    public String title() {
        return "the gateway serves the sample API over HTTPS with the cert-manager certificate";
    }

    @Override
    public Optional<String> notApplicable(VerifyContext ctx) {
        boolean gateway = ctx.facts().components().stream().anyMatch(rc -> rc.entry().capabilities().contains("gateway-api-implementation"));
        return Applicability.first(gateway ? Optional.empty() : Optional.of("the spec has no Gateway API implementation (istio-gateway)"),
                Applicability.needsComponent(ctx, "cert-manager", "cert-manager"), Applicability.needsApp(ctx));
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        Gateway gateway = ctx.facts().gateway();
        Optional<Map<String, Object>> gw = ctx.kube().get(gatewayRef(gateway));
        if (gw.isEmpty()) {
            return CheckResult.fail(this, "Gateway " + gateway.namespace() + "/" + gateway.name() + " does not exist");
        }
        Optional<String> secretName = httpsSecret(gw.get());
        if (secretName.isEmpty()) {
            return CheckResult.fail(this, "Gateway " + gateway.name() + " has no HTTPS listener with a certificate");
        }
        Optional<Map<String, Object>> secret = ctx.kube().get(new ResourceRef("v1", "Secret", gateway.namespace(), secretName.get()));
        Optional<String> issuer = secret.flatMap(GatewayServesHttps::issuerAnnotation);
        if (issuer.isEmpty()) {
            return CheckResult.fail(this, "Secret " + secretName.get() + " of the HTTPS listener was not issued by cert-manager (no cert-manager.io/issuer-name annotation)");
        }
        Optional<X509Certificate> ca = secret.flatMap(GatewayServesHttps::caCertificate);
        if (ca.isEmpty()) {
            return CheckResult.fail(this, "Secret " + secretName.get() + " holds no ca.crt to verify the gateway's certificate with (is its issuer a CA issuer?)");
        }
        boolean kind = ctx.spec().cluster().provider() == Provider.KIND;
        Optional<String> address = kind ? Optional.of("127.0.0.1") : address(gw.get());
        if (address.isEmpty()) {
            return CheckResult.fail(this, "Gateway " + gateway.name() + " has no address in its status yet");
        }
        var t = ctx.target().orElseThrow();
        String host = gateway.appHost(t.app().name(), t.env());
        HostHttps.Outcome o = ctx.https().get(address.get(), 443, host, "/health", List.of(ca.get()), Duration.ofSeconds(10));
        return interpret(o, host, address.get(), secretName.get(), issuer.get());
    }

    CheckResult interpret(HostHttps.Outcome o, String host, String address, String secret, String issuer) {
        String via = "https://" + host + "/health from this machine through " + address + ":443";
        if (o.status().filter(c -> c == 200).isPresent()) {
            return CheckResult.pass(this, via + ": HTTP 200; certificate " + o.subject().orElse("") + " verified against the cluster CA "
                    + "(Secret " + secret + ", issuer " + issuer + ")");
        }
        return CheckResult.fail(this, via + ": " + o.status().map(c -> "HTTP " + c).orElseGet(() -> o.failure().orElse("no answer")));
    }

    @SuppressWarnings("unchecked")
    static Optional<X509Certificate> caCertificate(Map<String, Object> secret) {
        Object pem = ((Map<String, Object>) secret.getOrDefault("data", Map.of())).get("ca.crt");
        if (pem == null) {
            return Optional.empty();
        }
        try {
            byte[] pemBytes = Base64.getDecoder().decode(String.valueOf(pem).strip()); // Secret data: base64 of the PEM file
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pemBytes)));
        } catch (IllegalArgumentException | CertificateException e) {
            return Optional.empty();
        }
    }

    static ResourceRef gatewayRef(Gateway gateway) {
        return new ResourceRef("gateway.networking.k8s.io/v1", "Gateway", gateway.namespace(), gateway.name());
    }

    @SuppressWarnings("unchecked")
    static Optional<String> httpsSecret(Map<String, Object> gateway) {
        var listeners = (List<Map<String, Object>>) ((Map<String, Object>) gateway.getOrDefault("spec", Map.of())).getOrDefault("listeners", List.of());
        return listeners.stream().filter(l -> "HTTPS".equals(l.get("protocol")))
                .map(l -> (Map<String, Object>) l.getOrDefault("tls", Map.of()))
                .flatMap(tls -> ((List<Map<String, Object>>) tls.getOrDefault("certificateRefs", List.of())).stream())
                .map(r -> String.valueOf(r.get("name"))).findFirst();
    }

    @SuppressWarnings("unchecked")
    static Optional<String> address(Map<String, Object> gateway) {
        var addresses = (List<Map<String, Object>>) ((Map<String, Object>) gateway.getOrDefault("status", Map.of())).getOrDefault("addresses", List.of());
        return addresses.stream().map(a -> String.valueOf(a.get("value"))).findFirst();
    }

    @SuppressWarnings("unchecked")
    static Optional<String> issuerAnnotation(Map<String, Object> secret) {
        var ann = (Map<String, Object>) ((Map<String, Object>) secret.getOrDefault("metadata", Map.of())).getOrDefault("annotations", Map.of());
        return Optional.ofNullable(ann.get("cert-manager.io/issuer-name")).map(String::valueOf);
    }
}
