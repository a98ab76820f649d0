package dev.strata.render.apps;

import dev.strata.plan.facts.MeshMode;
import dev.strata.plan.facts.PlatformFacts;
import dev.strata.render.Obj;
import dev.strata.render.RenderContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Istio's identity rules for the namespace: mutual TLS only, and only named callers. */
final class MeshPolicies {

    private MeshPolicies() {
    }

    static List<Manifest> of(RenderContext ctx, AppFacts f) {
        if (!f.mesh().istio()) {
            return List.of();
        }
        return List.of(peerAuthentication(f), authorizationPolicy(ctx, f));
    }

    private static Manifest peerAuthentication(AppFacts f) {
        return new Manifest("peerauthentication.yaml", List.of(
                "STRICT: every workload of the namespace accepts only mutual TLS; plaintext is refused."),
                Obj.of("security.istio.io/v1", "PeerAuthentication", "default").labels(f.labels())
                        .put("spec", Obj.map("mtls", Obj.map("mode", "STRICT"))).build());
    }

    private static Manifest authorizationPolicy(RenderContext ctx, AppFacts f) {
        boolean l7 = f.mesh() == MeshMode.ISTIO_SIDECAR;
        String port = Integer.toString(f.port());
        List<Object> rules = new ArrayList<>();
        List<String> comment = new ArrayList<>(List.of(
                "ALLOW policy: only the principals below may call " + f.name() + "; every other identity is denied.",
                l7 ? "The sidecar enforces methods and paths (L7)."
                   : "ztunnel enforces identities and ports only (L4), so the rules name no paths."));
        if (f.gateway()) {
            rules.add(Obj.map(
                    "from", List.of(Obj.map("source", Obj.map("principals", List.of(principal(PlatformFacts.GATEWAY_NAMESPACE, ctx.facts().gateway().serviceAccount()))))),
                    "to", List.of(Obj.map("operation", Obj.map("ports", List.of(port))))));
        }
        if (f.prometheus()) {
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("ports", List.of(port));
            if (l7) {
                op.put("methods", List.of("GET"));
                op.put("paths", List.of("/metrics"));
                comment.add("Prometheus scrapes pilot-agent's port " + AppFacts.ISTIO_AGENT_PORT + ", which no AuthorizationPolicy covers; its");
                comment.add("principal is still allowed GET /metrics on the app port, so scraping keeps working if");
                comment.add("Prometheus is ever meshed and scrapes the pod directly. It opens nothing else.");
            }
            rules.add(Obj.map(
                    "from", List.of(Obj.map("source", Obj.map("principals", List.of(principal(PlatformFacts.MONITORING_NAMESPACE, ctx.facts().observability().prometheusServiceAccount()))))),
                    "to", List.of(Obj.map("operation", op))));
        }
        if (rules.isEmpty()) {
            comment.add("No gateway and no Prometheus: no rule, so no identity is allowed in.");
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("selector", Obj.map("matchLabels", new TreeMap<>(f.selector())));
        spec.put("action", "ALLOW");
        spec.put("rules", rules);
        return new Manifest("authorizationpolicy.yaml", comment,
                Obj.of("security.istio.io/v1", "AuthorizationPolicy", f.name()).labels(f.labels()).put("spec", spec).build());
    }

    static String principal(String namespace, String serviceAccount) {
        return "cluster.local/ns/" + namespace + "/sa/" + serviceAccount;
    }
}
