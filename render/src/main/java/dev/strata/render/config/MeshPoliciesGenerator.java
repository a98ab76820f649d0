package dev.strata.render.config;

import dev.strata.plan.facts.PlatformFacts;
import dev.strata.render.Generator;
import dev.strata.plan.facts.MeshMode;
import dev.strata.render.Obj;
import dev.strata.render.RenderContext;
import dev.strata.render.RenderedTree;

import java.util.List;

import static dev.strata.render.Obj.map;

/**
 * {@code platform/config/mesh-policies/} (Istio only): mesh-wide STRICT mTLS, and tracing to Tempo
 * when Tempo runs.
 */
public final class MeshPoliciesGenerator implements Generator {

    /**
     * Name of the tracing provider the Telemetry object references. It must exist in istiod's
     * meshConfig.extensionProviders: {name: tempo, opentelemetry: {service: tempo.monitoring.svc.cluster.local, port: 4317}}.
     */
    public static final String TEMPO_PROVIDER = "tempo";
    /** kube-prometheus-stack's operator pods and the port of its admission webhook. */
    static final String OPERATOR_APP = "kube-prometheus-stack-operator";
    static final int OPERATOR_WEBHOOK_PORT = 10250;

    @Override
    public String name() {
        return Bundles.MESH_POLICIES;
    }

    @Override
    public void generate(RenderContext ctx, RenderedTree out) {
        if (!ctx.hasWaveItem(Bundles.MESH_POLICIES) || !ctx.facts().meshMode().istio()) {
            return;
        }
        String dir = Bundles.dir(Bundles.MESH_POLICIES);
        ConfigFile.write(out, dir, List.of(
                        "Mesh-wide mutual TLS, STRICT: in the root namespace istio-system this applies to every",
                        "workload in the mesh; plaintext to a meshed pod is refused. Ports Istio excludes from",
                        "interception (15020 merged metrics, 15090 Envoy stats, 15021 health) stay reachable."),
                Obj.of("security.istio.io/v1", "PeerAuthentication", "default").namespace(Bundles.ISTIO_NAMESPACE)
                        .put("spec", map("mtls", map("mode", "STRICT"))).build());
        if (ctx.facts().meshMode() == MeshMode.ISTIO_AMBIENT && ctx.facts().enabled("kube-prometheus-stack")) {
            ConfigFile.write(out, dir, List.of(
                            "The monitoring namespace is in the ambient mesh (so Prometheus scrapes STRICT app namespaces",
                            "through ztunnel). The API server is not in the mesh, so it could not call the Prometheus",
                            "operator's admission webhook under STRICT: that one port accepts plaintext (the webhook",
                            "itself is TLS, with the CA kube-prometheus-stack patches into its configuration)."),
                    Obj.of("security.istio.io/v1", "PeerAuthentication", "prometheus-operator-webhook").namespace(PlatformFacts.MONITORING_NAMESPACE)
                            .put("spec", map(
                                    "selector", map("matchLabels", map("app", OPERATOR_APP)),
                                    "mtls", map("mode", "STRICT"),
                                    "portLevelMtls", map(String.valueOf(OPERATOR_WEBHOOK_PORT), map("mode", "PERMISSIVE")))).build());
        }
        if (ctx.facts().enabled("tempo")) {
            ConfigFile.write(out, dir, List.of(
                            "Mesh-wide tracing: proxies send spans to Tempo over OTLP gRPC through istiod's extension",
                            "provider \"" + TEMPO_PROVIDER + "\" (meshConfig.extensionProviders in the istiod values, service "
                                    + ctx.facts().observability().tempoOtlpGrpc() + ").",
                            "10% of requests are sampled (Istio's default is 1%, too few to find a lab request)."),
                    Obj.of("telemetry.istio.io/v1", "Telemetry", "mesh-default").namespace(Bundles.ISTIO_NAMESPACE)
                            .put("spec", map("tracing", List.of(map(
                                    "providers", List.of(map("name", TEMPO_PROVIDER)),
                                    "randomSamplingPercentage", 10.0)))).build());
        }
    }
}
