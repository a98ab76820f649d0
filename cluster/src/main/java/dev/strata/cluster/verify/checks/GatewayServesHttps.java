package dev.strata.cluster.verify.checks;

import dev.strata.plan.facts.PlatformFacts;
import dev.strata.cluster.kube.ResourceRef;
import dev.strata.cluster.verify.Check;
import dev.strata.cluster.verify.CheckResult;
import dev.strata.cluster.verify.CurlOutcome;
import dev.strata.cluster.verify.VerifyContext;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway serves the sample API over HTTPS with the certificate cert-manager issued: the
 * Gateway's HTTPS listener names a Secret that cert-manager annotated as its own, and an HTTPS
 * request for the app's host name, sent to the Gateway's address, gets 200.
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
        Optional<Map<String, Object>> gw = ctx.kube().get(gatewayRef());
        if (gw.isEmpty()) {
            return CheckResult.fail(this, "Gateway " + PlatformFacts.GATEWAY_NAMESPACE + "/" + PlatformFacts.GATEWAY_NAME + " does not exist");
        }
        Optional<String> secretName = httpsSecret(gw.get());
        Optional<String> address = address(gw.get());
        if (secretName.isEmpty() || address.isEmpty()) {
            return CheckResult.fail(this, "Gateway " + PlatformFacts.GATEWAY_NAME + " has " + (secretName.isEmpty() ? "no HTTPS listener with a certificate" : "no address in its status yet"));
        }
        Optional<String> issuer = ctx.kube().get(new ResourceRef("v1", "Secret", PlatformFacts.GATEWAY_NAMESPACE, secretName.get()))
                .flatMap(GatewayServesHttps::issuerAnnotation);
        var t = ctx.target().orElseThrow();
        String host = ctx.facts().appHost(t.app().name(), t.env());
        CurlOutcome o = ctx.curl("gateway", VerifyContext.PROBE_NAMESPACE,
                CurlOutcome.script("-k -v --max-time 10 --connect-to " + host + ":443:" + address.get() + ":443 https://" + host + "/health 2>&1"),
                VerifyContext.outsideMeshLabels(), VerifyContext.outsideMeshAnnotations());
        return interpret(o, host, secretName.get(), issuer);
    }

    CheckResult interpret(CurlOutcome o, String host, String secret, Optional<String> issuer) {
        String served = o.verbose().stream().filter(l -> l.contains("issuer:")).findFirst().map(String::strip).orElse("no certificate seen");
        if (issuer.isEmpty()) {
            return CheckResult.fail(this, "Secret " + secret + " of the HTTPS listener was not issued by cert-manager (no cert-manager.io/issuer-name annotation)");
        }
        if (o.exit() == 0 && o.httpCode().orElse(0) == 200) {
            return CheckResult.pass(this, "https://" + host + "/health: HTTP 200; certificate from Secret " + secret + ", issuer " + issuer.get() + " (" + served + ")");
        }
        return CheckResult.fail(this, "https://" + host + "/health: " + o.describe() + " (" + served + ")");
    }

    static ResourceRef gatewayRef() {
        return new ResourceRef("gateway.networking.k8s.io/v1", "Gateway", PlatformFacts.GATEWAY_NAMESPACE, PlatformFacts.GATEWAY_NAME);
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
