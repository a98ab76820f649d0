package dev.strata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.cluster.kube.AppStatus;
import dev.strata.cluster.kube.NodeStatus;
import dev.strata.cluster.kube.ResourceHealth;
import dev.strata.cluster.kube.ResourceRef;
import dev.strata.cluster.ops.Differ;
import dev.strata.cluster.ops.Status;
import dev.strata.cluster.verify.CheckResult;
import dev.strata.cluster.verify.Outcome;
import dev.strata.plan.facts.Gateway;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code -o json} shapes of status, diff and verify: what a script can rely on. */
class LifecycleJsonTest {

    private static JsonNode json(Object o) throws Exception {
        return new ObjectMapper().readTree(Json.write(o));
    }

    @Test
    void statusListsApplicationsWithTheirUnhealthyResourcesNodesWithTheirTierAndTheGateway() throws Exception {
        Status s = new Status(List.of(new AppStatus("loki", 2, "Synced", "Degraded", "", List.of(
                new ResourceHealth("StatefulSet", "monitoring", "loki", "Synced", "Degraded", "1 pod failing"),
                new ResourceHealth("Service", "monitoring", "loki", "Synced", "Healthy", "")), List.of("18.11.0", "abc123"))),
                List.of(new NodeStatus("w1", true, Map.of("strata.dev/tier", "platform"), "172.18.0.3")), Optional.empty(), "strata.dev/tier",
                new Gateway("istio-ingress", "platform", "istio-ingressgateway", "lab.localhost"));
        JsonNode j = json(LifecycleJson.status(s));
        assertThat(j.path("healthy").asBoolean()).isFalse();
        JsonNode loki = j.path("applications").get(0);
        assertThat(loki.path("wave").asInt()).isEqualTo(2);
        assertThat(loki.path("revisions").toString()).isEqualTo("[\"18.11.0\",\"abc123\"]");
        assertThat(loki.path("unhealthyResources")).hasSize(1);
        assertThat(loki.path("unhealthyResources").get(0).path("message").asText()).isEqualTo("1 pod failing");
        assertThat(j.path("nodes").get(0).path("tier").asText()).isEqualTo("platform");
        assertThat(j.path("gatewayAddress").isNull()).isTrue();
    }

    @Test
    void diffAndVerifyUseLowerCaseWordsAndPlainNumbers() throws Exception {
        JsonNode d = json(LifecycleJson.diff(List.of(
                new Differ.Change(new ResourceRef("v1", "ConfigMap", "apps", "web"), Differ.Change.Kind.UPDATE, List.of("data.x")),
                new Differ.Change(new ResourceRef("v1", "Namespace", "", "apps"), Differ.Change.Kind.UNCHANGED, List.of()))));
        assertThat(d.path("changed").asInt()).isEqualTo(1);
        assertThat(d.path("changes").get(0).path("change").asText()).isEqualTo("update");
        assertThat(d.path("changes").get(1).path("namespace").isNull()).isTrue();

        JsonNode v = json(LifecycleJson.verify(List.of(
                new CheckResult("mtls-plaintext-refused", "STRICT mTLS refuses plaintext", Outcome.PASS, "connection reset", Duration.ofMillis(1500)),
                new CheckResult("tempo-trace", "A trace reaches Tempo", Outcome.FAIL, "no span of service sample-api", Duration.ofSeconds(30)))));
        assertThat(v.path("passed").asBoolean()).isFalse();
        assertThat(v.path("checks").get(0).path("outcome").asText()).isEqualTo("pass");
        assertThat(v.path("checks").get(0).path("seconds").asDouble()).isEqualTo(1.5);
    }
}
