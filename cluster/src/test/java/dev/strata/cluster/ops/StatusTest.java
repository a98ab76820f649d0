package dev.strata.cluster.ops;

import dev.strata.cluster.fakes.FakeKube;
import dev.strata.cluster.kube.AppStatus;
import dev.strata.cluster.kube.NodeStatus;
import dev.strata.plan.facts.Gateway;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusTest {

    @Test
    void showsApplicationsNodesWithTierAndTheGatewayAddress() {
        FakeKube kube = new FakeKube();
        kube.applications = () -> List.of(new AppStatus("root", 0, "Synced", "Healthy", "", List.of()),
                new AppStatus("loki", 3, "Synced", "Progressing", "waiting for StatefulSet", List.of()));
        kube.nodes = List.of(new NodeStatus("lab-worker", true, Map.of("strata.dev/tier", "platform"), "172.18.0.3"));
        kube.objects.put("Gateway/istio-ingress/platform", Map.of("status", Map.of("addresses", List.of(Map.of("value", "10.96.20.5")))));

        Status s = Status.read(kube, "strata.dev/tier", new Gateway("istio-ingress", "platform", "istio-ingressgateway", "lab.localhost"));
        StringWriter out = new StringWriter();
        s.print(new PrintWriter(out, true));

        assertThat(s.healthy()).isFalse();
        assertThat(out.toString()).contains("wave 3   loki                         Synced     Progressing  waiting for StatefulSet")
                .contains("lab-worker                   Ready     tier=platform")
                .contains("Gateway: 10.96.20.5 (Gateway istio-ingress/platform)")
                .endsWith("Not healthy: 1 of 2 Applications not Synced and Healthy, 0 nodes not Ready.\n");
    }
}
