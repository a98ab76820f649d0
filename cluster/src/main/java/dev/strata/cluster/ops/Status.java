package dev.strata.cluster.ops;

import dev.strata.cluster.kube.AppStatus;
import dev.strata.cluster.kube.Kube;
import dev.strata.cluster.kube.NodeStatus;
import dev.strata.cluster.kube.ResourceRef;
import dev.strata.plan.facts.Gateway;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code strata status}: every Application's sync and health, the nodes with their tier, and the
 * gateway's address. Healthy means every Application is Synced and Healthy and every node Ready.
 */
public record Status(List<AppStatus> applications, List<NodeStatus> nodes, Optional<String> gatewayAddress, String tierLabel, Gateway gateway) {

    /** Reads the cluster; the gateway's address comes from the Gateway's status ({@code istio-ingress/platform}). */
    public static Status read(Kube kube, String tierLabel, Gateway gateway) {
        Optional<String> address = kube.get(new ResourceRef("gateway.networking.k8s.io/v1", "Gateway", gateway.namespace(), gateway.name()))
                .flatMap(g -> address(g, gateway));
        return new Status(kube.applications(), kube.nodes(), address, tierLabel, gateway);
    }

    @SuppressWarnings("unchecked")
    static Optional<String> address(Map<String, Object> object, Gateway gateway) {
        var addresses = (List<Map<String, Object>>) ((Map<String, Object>) object.getOrDefault("status", Map.of())).getOrDefault("addresses", List.of());
        return addresses.stream().map(a -> String.valueOf(a.get("value"))).findFirst()
                .map(v -> v + " (Gateway " + gateway.namespace() + "/" + gateway.name() + ")");
    }

    public boolean healthy() {
        return !applications.isEmpty() && applications.stream().allMatch(AppStatus::ready) && nodes.stream().allMatch(NodeStatus::ready);
    }

    public void print(PrintWriter out) {
        out.println("Applications:");
        if (applications.isEmpty()) {
            out.println("  none (Argo CD is not installed, or up has not applied the root yet)");
        }
        for (AppStatus a : applications) {
            out.println(String.format("  wave %-3d %-28s %-10s %-12s%s", a.wave(), a.name(), a.sync(), a.health(), a.message().isEmpty() || a.ready() ? "" : " " + a.message()));
        }
        out.println("Nodes:");
        for (NodeStatus n : nodes) {
            out.println(String.format("  %-28s %-9s tier=%s", n.name(), n.ready() ? "Ready" : "NotReady", n.labels().getOrDefault(tierLabel, "-")));
        }
        out.println("Gateway: " + gatewayAddress.orElse("no address yet (Gateway " + gateway.namespace() + "/" + gateway.name() + " missing or not programmed)"));
        long bad = applications.stream().filter(a -> !a.ready()).count();
        out.println(healthy() ? "Healthy: " + applications.size() + " Applications Synced and Healthy, " + nodes.size() + " nodes Ready."
                : "Not healthy: " + bad + " of " + applications.size() + " Applications not Synced and Healthy, "
                + nodes.stream().filter(n -> !n.ready()).count() + " nodes not Ready.");
    }
}
