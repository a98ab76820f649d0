package dev.strata.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Platform configuration Strata renders beside the charts, and the components whose CRDs or
 * webhooks it needs. A bundle exists only when all of {@code requires} are enabled; it then waits
 * for them, and also for {@code after} when those are enabled.
 */
public record ConfigBundle(String name, String description, List<String> requires, List<String> after) {

    public static final List<ConfigBundle> ALL = List.of(
            new ConfigBundle("certificates", "ClusterIssuer (local CA) and the gateway's wildcard Certificate", List.of("cert-manager"), List.of()),
            new ConfigBundle("gateway", "Gateway API Gateway with HTTP 80 → HTTPS 443 listeners", List.of("gateway-api", "istio-gateway"), List.of("cert-manager")),
            new ConfigBundle("mesh-policies", "mesh-wide PeerAuthentication STRICT and telemetry to Tempo", List.of("istio"), List.of("tempo")),
            new ConfigBundle("linkerd-identity", "Linkerd trust anchor and identity issuer from cert-manager, trust roots by trust-manager", List.of("linkerd", "cert-manager", "trust-manager"), List.of()),
            new ConfigBundle("admission-policies", "Kyverno ClusterPolicies in Enforce", List.of("kyverno"), List.of()),
            new ConfigBundle("observability", "ServiceMonitors for the mesh, Grafana datasources and dashboards", List.of("kube-prometheus-stack"), List.of("loki", "tempo")));

    /**
     * The platform's bundles: the fixed ones above, then one per enabled component whose catalog entry
     * declares objects it needs that its chart does not render ({@code config}), named {@code <id>-config}.
     */
    public static List<ConfigBundle> of(List<ResolvedComponent> resolved) {
        List<ConfigBundle> out = new ArrayList<>(ALL);
        for (ResolvedComponent rc : resolved) {
            if (!rc.entry().config().isEmpty()) {
                out.add(new ConfigBundle(configName(rc.id()), rc.entry().title() + "'s configuration that its chart does not render",
                        List.of(rc.id()), List.of()));
            }
        }
        return out;
    }

    public static String configName(String componentId) {
        return componentId + "-config";
    }
}
