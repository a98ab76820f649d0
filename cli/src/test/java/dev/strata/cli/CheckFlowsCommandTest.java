package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata check --flows}: the flow matrix as text, JSON and dot; exit 0 whatever is blocked, 2 on unreadable input. */
class CheckFlowsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TREE = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: ghcr.io/example/web:1.0.0, ports: [{name: http, containerPort: 8080}]}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              selector: {app: web}
              ports: [{name: http, port: 80, targetPort: http}]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: web, namespace: shop}
            spec:
              parentRefs: [{name: public, namespace: gateway}]
              rules: [{backendRefs: [{name: web, port: 80}]}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: default-deny, namespace: shop}
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
            """;

    private static Path tree(Path dir) throws Exception {
        Files.writeString(dir.resolve("shop.yaml"), TREE);
        return dir;
    }

    @Test
    void textListsEachFlowWithItsVerdictAndDecidingPolicyAndExitsZeroEvenWhenBlocked(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("check", "--flows", tree(dir).toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("""
                gateway
                  blocked  gateway/public[Gateway] => shop/web[Deployment] : TCP 8080 (http)
                           by NetworkPolicy shop/default-deny (ingress): policies default-deny isolate shop/web[Deployment] for ingress and none admits from gateway/public[Gateway] on TCP 8080; via HTTPRoute shop/web
                """);
        assertThat(r.out()).contains("assumed:\n  - the pods of Gateway gateway/public are not in the input");
        assertThat(r.out()).endsWith("3 flows (gateway 1, prometheus 0, dns 2, external 0, webhook 0): 0 allowed, 3 blocked\n");
    }

    @Test
    void jsonIsStableForMachines(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("check", "--flows", "-o", "json", tree(dir).toString());
        assertThat(r.exit()).isZero();
        JsonNode root = JSON.readTree(r.out());
        JsonNode first = root.path("flows").get(0);
        assertThat(first.path("kind").asText()).isEqualTo("gateway");
        assertThat(first.path("to").path("name").asText()).isEqualTo("shop/web[Deployment]");
        assertThat(first.path("port").asInt()).isEqualTo(8080);
        assertThat(first.path("verdict").asText()).isEqualTo("blocked");
        assertThat(first.path("decidedBy").get(0).path("name").asText()).isEqualTo("default-deny");
        assertThat(first.path("decidedBy").get(0).path("side").asText()).isEqualTo("ingress");
        assertThat(root.path("summary").path("blocked").asInt()).isEqualTo(3);
    }

    @Test
    void dotDrawsBlockedEdgesRedAndDashed(@TempDir Path dir) throws Exception {
        Cli r = Cli.run("check", "--flows", "-o", "dot", tree(dir).toString());
        assertThat(r.out()).startsWith("digraph flows {")
                .contains("\"gateway/public[Gateway]\" -> \"shop/web[Deployment]\" [label=\"TCP 8080\", color=red, style=dashed");
    }

    @Test
    void unreadableInputOrAReportFormatExitTwo(@TempDir Path dir) {
        assertThat(Cli.run("check", "--flows", dir.resolve("missing").toString()).exit()).isEqualTo(2);
        Cli sarif = Cli.run("check", "--flows", "-o", "sarif", dir.toString());
        assertThat(sarif.exit()).isEqualTo(2);
        assertThat(sarif.err()).contains("-o with --flows must be one of text, json, dot");
    }

    @Test
    void helpExplainsFlows() {
        assertThat(Cli.run("check", "--help").out()).contains("--flows", "src => dst : port", "With --flows: 0 whatever is blocked");
    }
}
