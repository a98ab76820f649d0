package dev.strata.render.config;

import dev.strata.plan.facts.PlatformFacts;
import dev.strata.render.Generator;
import dev.strata.render.Obj;
import dev.strata.render.RenderContext;
import dev.strata.render.RenderedTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.strata.render.Obj.map;

/**
 * {@code platform/config/gateway/}: the Gateway API Gateway bound to the Istio ingress gateway
 * Strata deploys (HTTP 80 that only redirects, HTTPS 443 that serves app routes), and the
 * redirect route.
 */
public final class GatewayGenerator implements Generator {

    static final String API = "gateway.networking.k8s.io/v1";
    static final String HTTP = "http";
    static final String HTTPS = "https";
    static final String REDIRECT = "http-to-https";

    @Override
    public String name() {
        return Bundles.GATEWAY;
    }

    @Override
    public void generate(RenderContext ctx, RenderedTree out) {
        if (!ctx.hasWaveItem(Bundles.GATEWAY)) {
            return;
        }
        String dir = Bundles.dir(Bundles.GATEWAY);
        boolean tls = ctx.facts().enabled("cert-manager");
        String host = "*." + ctx.facts().gateway().domain();
        Map<String, Object> appNamespaces = map("namespaces", map(
                "from", "Selector",
                "selector", map("matchLabels", map(NamespacesGenerator.GATEWAY_ACCESS_LABEL, "true"))));
        List<Object> listeners = new ArrayList<>();
        // Plain HTTP accepts routes from this namespace only, i.e. the redirect below: an app route
        // attached here would win over the redirect (more specific hostname) and serve plaintext.
        listeners.add(map("name", HTTP, "port", 80, "protocol", "HTTP", "hostname", host,
                "allowedRoutes", tls ? map("namespaces", map("from", "Same")) : appNamespaces));
        if (tls) {
            listeners.add(map("name", HTTPS, "port", 443, "protocol", "HTTPS", "hostname", host,
                    "tls", map("mode", "Terminate", "certificateRefs", List.of(map("kind", "Secret", "name", Bundles.GATEWAY_TLS))),
                    "allowedRoutes", appNamespaces));
        }
        List<String> header = new ArrayList<>(List.of(
                "The platform's entry point: Gateway " + PlatformFacts.GATEWAY_NAME + " programs the istio-ingressgateway pods",
                "deployed by the istio-gateway release. Exactly one address of type Hostname naming that Service",
                "makes istiod treat the Gateway as manually deployed: it configures those pods instead of",
                "creating a Deployment of its own. Listener ports are the Service's ports 80 and 443 (never a node port).",
                "Apps attach HTTPRoutes from namespaces labelled " + NamespacesGenerator.GATEWAY_ACCESS_LABEL + "=true,",
                "with parentRefs [{name: " + PlatformFacts.GATEWAY_NAME + ", namespace: " + PlatformFacts.GATEWAY_NAMESPACE
                        + (tls ? ", sectionName: " + HTTPS : "") + "}]."));
        if (!tls) {
            header.add("cert-manager is not enabled, so there is no certificate: HTTP only, no HTTPS listener, no redirect.");
        }
        if (ctx.facts().enabled("kong")) {
            header.add("Kong is enabled too: it serves its own GatewayClass on host ports 8080/8443; no Kong Gateway is rendered here.");
        }
        ConfigFile.write(out, dir, header, Obj.of(API, "Gateway", PlatformFacts.GATEWAY_NAME).namespace(PlatformFacts.GATEWAY_NAMESPACE)
                .put("spec", map(
                        "gatewayClassName", "istio",
                        "addresses", List.of(map("type", "Hostname",
                                "value", ctx.facts().gateway().serviceHost())),
                        "listeners", listeners)).build());
        if (tls) {
            ConfigFile.write(out, dir, List.of(
                            "Every plain HTTP request to an app host is answered with 301 to the same URL over HTTPS",
                            "(port 443, the scheme's well-known port)."),
                    Obj.of(API, "HTTPRoute", REDIRECT).namespace(PlatformFacts.GATEWAY_NAMESPACE).put("spec", map(
                            "parentRefs", List.of(map("name", PlatformFacts.GATEWAY_NAME, "namespace", PlatformFacts.GATEWAY_NAMESPACE,
                                    "sectionName", HTTP)),
                            "hostnames", List.of(host),
                            "rules", List.of(map("filters", List.of(map("type", "RequestRedirect",
                                    "requestRedirect", map("scheme", "https", "statusCode", 301))))))).build());
        }
    }
}
