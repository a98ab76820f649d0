package dev.strata.cluster.ops;

import dev.strata.cluster.kube.AppStatus;
import dev.strata.cluster.kube.Kube;
import dev.strata.cluster.kube.NodeStatus;
import dev.strata.cluster.kube.ResourceRef;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code strata status}: every Application's sync and health, the nodes with their tier, and the
 * gateway's address. Healthy means every Application is Synced and Healthy and every node Ready.
 */
public record Status(List<AppStatus> applications, List<NodeStatus> nodes, Optional<String> gatewayAddress, String tierLabel) {

    public static Status read(Kube kube, String tierLabel, String gatewayNamespace, String gatewayService) {
        Optional<String> address = kube.get(new ResourceRef("v1", "Service", gatewayNamespace, gatewayService)).map(Status::address);
        return new Status(kube.applications(), kube.nodes(), address, tierLabel);
    }

    @SuppressWarnings("unchecked")
    static String address(Map<String, Object> svc) {
        Map<String, Object> spec = (Map<String, Object>) svc.getOrDefault("spec", Map.of());
        Map<String, Object> status = (Map<String, Object>) svc.getOrDefault("status", Map.of());
        List<Map<String, Object>> ingress = (List<Map<String, Object>>) ((Map<String, Object>) status.getOrDefault("loadBalancer", Map.of())).getOrDefault("ingress", List.of());
        if (!ingress.isEmpty()) {
            Object ip = ingress.getFirst().getOrDefault("ip", ingress.getFirst().get("hostname"));
            return ip + " (LoadBalancer)";
        }
        return spec.getOrDefault("type", "ClusterIP") + " " + spec.getOrDefault("clusterIP", "?") + " (no external address; on kind, ports 80/443 of this machine)";
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
        out.println("Gateway: " + gatewayAddress.orElse("not found"));
        long bad = applications.stream().filter(a -> !a.ready()).count();
        out.println(healthy() ? "Healthy: " + applications.size() + " Applications Synced and Healthy, " + nodes.size() + " nodes Ready."
                : "Not healthy: " + bad + " of " + applications.size() + " Applications not Synced and Healthy, "
                + nodes.stream().filter(n -> !n.ready()).count() + " nodes not Ready.");
    }
}
