package dev.strata.render.docs;

import dev.strata.catalog.Layer;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.Resolver;
import dev.strata.plan.Wave;
import dev.strata.plan.WaveItem;
import dev.strata.plan.facts.PlatformFacts;
import dev.strata.render.RenderContext;
import dev.strata.spec.AppEnvironment;
import dev.strata.spec.AppSpec;
import dev.strata.spec.Provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The four diagrams of docs/ARCHITECTURE.md, each drawn from the spec and its plan. */
final class Diagrams {

    private Diagrams() {
    }

    /** (a) Who talks to the cluster: users through the gateway, git through Argo CD. */
    static String context(RenderContext ctx) {
        Mermaid m = Mermaid.flowchart("LR");
        m.round("user", "User / browser");
        m.store("git", "Git repository", ctx.facts().repoUrl(), "branch " + ctx.facts().revision());
        m.subgraph("cluster", "Kubernetes " + ctx.spec().cluster().kubernetesVersion() + " on " + ctx.spec().cluster().provider().id()
                + ": cluster " + ctx.facts().clusterName());
        List<String> gateways = gateways(ctx);
        for (String g : gateways) {
            m.box(Mermaid.id("gw", g), gatewayTitle(g), ctx.facts().component(g).map(rc -> "namespace " + rc.entry().namespace()).orElse(""));
        }
        boolean argo = ctx.facts().enabled("argo-cd");
        if (argo) {
            m.box("argocd", "Argo CD", "namespace " + PlatformFacts.ARGOCD_NAMESPACE);
        }
        m.box("platform", "Platform: " + ctx.components().size() + " components", "namespaces " + String.join(", ", ctx.facts().platformNamespaces().keySet()));
        m.box("apps", appsLine(ctx));
        m.end();
        Map<String, List<Integer>> hostPorts = ctx.facts().ingressHostPorts();
        if (gateways.isEmpty()) {
            m.dotted("user", "apps", "no ingress gateway: kubectl port-forward");
        }
        for (String g : gateways) {
            // On kind the HTTPS host port of each gateway is the highest it binds (443 for Istio's, 8443 for Kong's).
            int https = hostPorts.getOrDefault(g, List.of(443)).stream().mapToInt(Integer::intValue).max().orElse(443);
            String entry = ctx.spec().cluster().provider() == Provider.KIND
                    ? "https://<app>-<env>." + ctx.facts().gateway().domain() + (https == 443 ? "" : ":" + https) + " via 127.0.0.1 (kind port mapping)"
                    : "https://<app>-<env>." + ctx.facts().gateway().domain() + " via the gateway Service";
            m.edge("user", Mermaid.id("gw", g), entry);
            m.edge(Mermaid.id("gw", g), "apps", "HTTPRoute");
        }
        if (argo) {
            m.edge("git", "argocd", "pulls the rendered tree");
            m.edge("argocd", "platform", "syncs, wave by wave");
            m.edge("argocd", "apps", "syncs last");
        } else {
            m.dotted("git", "platform", "no GitOps controller enabled");
        }
        return m.block();
    }

    /** (b) One request from outside to an app pod, through the gateway and the mesh's data plane. */
    static String traffic(RenderContext ctx) {
        Mermaid m = Mermaid.flowchart("LR");
        m.round("client", "Client");
        String app = ctx.spec().apps().isEmpty() ? "app" : ctx.spec().apps().get(0).name();
        String ns = ctx.spec().apps().isEmpty() || ctx.spec().environments().isEmpty() ? "<env>-<app>"
                : ctx.spec().apps().get(0).namespace(ctx.spec().environments().get(0));
        List<String> gateways = gateways(ctx);
        String from = "client";
        if (!gateways.isEmpty()) {
            String g = gateways.get(0);
            m.box("gw", gatewayTitle(g) + " (Envoy)", "TLS ends here; HTTP 80 redirects to 443");
            m.edge("client", "gw", "HTTPS :443");
            from = "gw";
        }
        switch (ctx.facts().meshMode()) {
            case ISTIO_AMBIENT -> {
                m.subgraph("app_node", "app's node");
                m.box("ztunnel", "ztunnel (per node)", "mTLS identity of the pod");
                m.box("app", app + " pod", "namespace " + ns, "no sidecar");
                m.end();
                m.edge(from, "ztunnel", "HBONE: mTLS tunnel on :15008");
                m.edge("ztunnel", "app", "plain TCP inside the pod's network namespace");
            }
            case ISTIO_SIDECAR -> {
                m.subgraph("app_pod", app + " pod, namespace " + ns);
                m.box("sidecar", "istio-proxy sidecar (Envoy)");
                m.box("app", app + " container");
                m.end();
                m.edge(from, "sidecar", "mTLS (PeerAuthentication STRICT)");
                m.edge("sidecar", "app", "localhost");
            }
            case LINKERD -> {
                m.subgraph("app_pod", app + " pod, namespace " + ns);
                m.box("proxy", "linkerd-proxy");
                m.box("app", app + " container");
                m.end();
                m.edge(from, "proxy", from.equals("client") ? "no ingress gateway: port-forward" : "HTTP, mTLS between meshed pods");
                m.edge("proxy", "app", "localhost");
            }
            case NONE -> {
                m.box("app", app + " pod", "namespace " + ns);
                m.edge(from, "app", "plain HTTP; NetworkPolicy only, no mTLS");
            }
        }
        return m.block();
    }

    /** (c) The app-of-apps: root → roots → Applications, by sync wave, as the plan orders them. */
    static String gitops(RenderContext ctx) {
        Mermaid m = Mermaid.flowchart("TD");
        m.box("root", "root", "bootstrap/root.yaml");
        m.box("roots_platform", "platform root", "argocd/platform");
        m.box("roots_apps", "apps root", "argocd/apps");
        m.edge("root", "roots_platform");
        m.edge("root", "roots_apps");
        String previous = "";
        for (Wave w : ctx.plan().waves()) {
            boolean apps = w.items().stream().allMatch(i -> i.kind() == WaveItem.Kind.APP);
            List<String> label = new ArrayList<>();
            label.add("wave " + w.number());
            for (WaveItem i : w.items()) {
                label.add(itemLabel(ctx, i));
            }
            String id = "wave_" + w.number();
            m.box(id, label.toArray(String[]::new));
            if (apps) {
                m.edge("roots_apps", id);
                if (!previous.isEmpty()) {
                    m.dotted(previous, id, "after the whole platform is Healthy");
                }
            } else if (previous.isEmpty()) {
                m.edge("roots_platform", id);
            } else {
                m.edge(previous, id, "Healthy, then");
            }
            previous = id;
        }
        return m.block();
    }

    /** (d) The catalog layers, bottom-up, with the components enabled in each. */
    static String layers(RenderContext ctx) {
        Map<Layer, List<String>> byLayer = byLayer(ctx);
        Mermaid m = Mermaid.flowchart("BT");
        String previous = "";
        for (Map.Entry<Layer, List<String>> e : byLayer.entrySet()) {
            String id = Mermaid.id("layer", e.getKey().id());
            m.subgraph(id, e.getKey().id());
            for (String c : e.getValue()) {
                String[] parts = c.split("\n", 2);
                m.box(Mermaid.id("c", parts[0]), parts[0], parts[1]);
            }
            m.end();
            if (!previous.isEmpty()) {
                m.edge(previous, id);
            }
            previous = id;
        }
        return m.block();
    }

    /** Layers in catalog order, each with "id\nversion" of its components; the provider itself is the cluster layer. */
    static Map<Layer, List<String>> byLayer(RenderContext ctx) {
        Map<Layer, List<String>> out = new LinkedHashMap<>();
        Provider p = ctx.spec().cluster().provider();
        String provider = p == Provider.EXISTING ? "existing cluster\nKubernetes " + ctx.spec().cluster().kubernetesVersion()
                : p.id() + "\n" + ctx.catalog().find(p.id()).map(c -> c.tools().isEmpty() ? "" : c.tools().get(0).name() + " " + c.tools().get(0).version()).orElse("");
        for (Layer l : Layer.values()) {
            List<String> ids = new ArrayList<>();
            if (l == Layer.CLUSTER) {
                ids.add(provider);
            }
            for (ResolvedComponent rc : ctx.components()) {
                if (rc.entry().layer() == l) {
                    ids.add(rc.id() + "\n" + versions(rc));
                }
            }
            if (!ids.isEmpty()) {
                out.put(l, ids);
            }
        }
        return out;
    }

    /** The versions of a component's releases, or of its tools when it installs no chart (sops-age). */
    static String versions(ResolvedComponent rc) {
        List<String> v = rc.releases().stream().map(r -> r.source().version()).distinct().toList();
        if (v.isEmpty()) {
            v = rc.entry().tools().stream().map(t -> t.name() + " " + t.version()).toList();
        }
        return String.join(", ", v);
    }

    static List<String> gateways(RenderContext ctx) {
        return ctx.components().stream().filter(rc -> Resolver.capabilities(rc).contains("ingress-gateway"))
                .map(ResolvedComponent::id).toList();
    }

    static String gatewayTitle(String id) {
        return switch (id) {
            case "istio-gateway" -> "Istio ingress gateway";
            case "kong" -> "Kong gateway";
            default -> id;
        };
    }

    static String itemLabel(RenderContext ctx, WaveItem i) {
        return switch (i.kind()) {
            case NAMESPACES -> "namespaces";
            case RELEASE -> i.name().equals(i.component()) ? i.name() : i.name() + " (" + i.component() + ")";
            case CONFIG -> "config: " + i.name();
            case APP -> i.name() + ": " + String.join(", ", ctx.spec().apps().stream().filter(a -> a.name().equals(i.name()))
                    .flatMap(a -> a.environments().stream()).map(AppEnvironment::name).toList());
        };
    }

    private static String appsLine(RenderContext ctx) {
        List<String> apps = new ArrayList<>();
        for (AppSpec a : ctx.spec().apps()) {
            apps.add(a.name() + " (" + String.join(", ", a.environments().stream().map(AppEnvironment::name).toList()) + ")");
        }
        return apps.isEmpty() ? "no apps" : "Apps: " + String.join("; ", apps);
    }
}
