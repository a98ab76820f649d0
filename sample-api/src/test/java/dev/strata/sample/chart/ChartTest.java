package dev.strata.sample.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Helm chart rendered and linted in-process, for each mesh mode. */
class ChartTest {

    private static final String PROMETHEUS = "cluster.local/ns/monitoring/sa/kube-prometheus-stack-prometheus";
    private static final String GATEWAY = "cluster.local/ns/istio-ingress/sa/gateway-istio";

    @ParameterizedTest
    @ValueSource(strings = {"none", "ambient", "sidecar", "linkerd"})
    void podsAreLockedDownAndProbedOnTheRightEndpoints(String mode) {
        JsonNode deployment = ChartRender.of(Map.of("mesh.mode", mode)).one("Deployment");
        JsonNode pod = deployment.at("/spec/template/spec");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(65532);
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        JsonNode container = pod.at("/containers/0");
        JsonNode security = container.path("securityContext");
        assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.at("/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
        assertThat(security.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(container.at("/resources/requests/cpu").asText()).isNotBlank();
        assertThat(container.at("/resources/requests/memory").asText()).isNotBlank();
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("512Mi");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/health");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/ready");
        assertThat(env(container, "JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=60");
        assertThat(env(container, "MALLOC_ARENA_MAX")).isEqualTo("2");
        assertThat(mountPath(container, "tmp")).isEqualTo("/tmp");
        assertThat(volume(pod, "tmp").has("emptyDir")).isTrue();
        assertThat(container.path("image").asText()).isEqualTo("strata.local/sample-api:0.1.0");
        assertThat(deployment.at("/spec/template/metadata/annotations/checksum~1config").asText()).hasSize(64);
    }

    @Test
    void theImageMustBePinnedByTagOrDigest() {
        assertThatThrownBy(() -> ChartRender.of(Map.of("image.tag", "")))
                .hasMessageContaining("image.tag or image.digest is required");
        assertThatThrownBy(() -> ChartRender.of(Map.of("image.tag", "latest")))
                .hasMessageContaining("image.tag \"latest\" is not allowed");
        String digest = "sha256:" + "a1".repeat(32);
        JsonNode container = ChartRender.of(Map.of("image.tag", "", "image.digest", digest))
                .one("Deployment").at("/spec/template/spec/containers/0");
        assertThat(container.path("image").asText()).isEqualTo("strata.local/sample-api@" + digest);
    }

    @Test
    void meshModeOutsideTheListIsRejected() {
        assertThatThrownBy(() -> ChartRender.of(Map.of("mesh.mode", "consul")))
                .hasMessageContaining("/mesh/mode")
                .hasMessageContaining("'none', 'ambient', 'sidecar', 'linkerd'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "ambient", "sidecar", "linkerd"})
    void servicePdbHpaAndServiceMonitorAllFindThePods(String mode) {
        ChartRender chart = ChartRender.of(Map.of("mesh.mode", mode));
        JsonNode podLabels = chart.one("Deployment").at("/spec/template/metadata/labels");
        assertThat(selects(chart.one("Service").at("/spec/selector"), podLabels)).isTrue();
        assertThat(selects(chart.one("PodDisruptionBudget").at("/spec/selector/matchLabels"), podLabels)).isTrue();
        assertThat(chart.one("PodDisruptionBudget").at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertThat(selects(chart.one("NetworkPolicy").at("/spec/podSelector/matchLabels"), podLabels)).isTrue();

        JsonNode hpa = chart.one("HorizontalPodAutoscaler");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText())
                .isEqualTo(chart.one("Deployment").at("/metadata/name").asText());
        assertThat(chart.one("Deployment").at("/spec").has("replicas")).as("the HPA owns replicas").isFalse();

        JsonNode monitor = chart.one("ServiceMonitor");
        assertThat(selects(monitor.at("/spec/selector/matchLabels"), chart.one("Service").at("/metadata/labels")))
                .isTrue();
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("http");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/metrics");

        JsonNode route = chart.one("HTTPRoute");
        assertThat(route.at("/spec/rules/0/backendRefs/0/name").asText())
                .isEqualTo(chart.one("Service").at("/metadata/name").asText());
        assertThat(route.at("/spec/rules/0/backendRefs/0/port").asInt())
                .isEqualTo(chart.one("Service").at("/spec/ports/0/port").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "ambient", "sidecar", "linkerd"})
    void networkPolicyDeniesByDefaultAndAdmitsGatewayAndPrometheus(String mode) {
        JsonNode policy = ChartRender.of(Map.of("mesh.mode", mode)).one("NetworkPolicy");
        assertThat(policy.at("/spec/policyTypes").toString()).isEqualTo("[\"Ingress\",\"Egress\"]");
        JsonNode ingress = policy.at("/spec/ingress");
        JsonNode gateway = ruleFromNamespace(ingress, "istio-ingress");
        assertThat(ports(gateway)).contains(8080);
        JsonNode prometheus = ruleFromNamespace(ingress, "monitoring");
        assertThat(prometheus.at("/from/0/podSelector/matchLabels/app.kubernetes.io~1name").asText())
                .isEqualTo("prometheus");
        assertThat(ports(prometheus)).contains(8080);

        JsonNode egress = policy.at("/spec/egress");
        JsonNode dns = egress.get(0);
        assertThat(dns.at("/to/0/podSelector/matchLabels/k8s-app").asText()).isEqualTo("kube-dns");
        assertThat(ports(dns)).containsOnly(53);

        List<String> cidrs = new ArrayList<>();
        ingress.forEach(rule -> rule.path("from").forEach(peer -> {
            if (peer.has("ipBlock")) {
                cidrs.add(peer.at("/ipBlock/cidr").asText());
            }
        }));
        if (mode.equals("ambient")) {
            assertThat(ports(gateway)).contains(15008);
            assertThat(ports(prometheus)).contains(15008);
            assertThat(cidrs).containsExactly("169.254.7.127/32");
        } else {
            assertThat(ports(gateway)).doesNotContain(15008);
            assertThat(cidrs).isEmpty();
        }
        if (mode.equals("sidecar")) {
            assertThat(egress).anySatisfy(rule -> assertThat(ports(rule)).containsExactly(15012));
        }
        if (mode.equals("linkerd")) {
            assertThat(ports(gateway)).contains(4143);
        }
        if (mode.equals("none")) {
            assertThat(egress).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "linkerd"})
    void noIstioPoliciesWithoutIstio(String mode) {
        ChartRender chart = ChartRender.of(Map.of("mesh.mode", mode));
        assertThat(chart.all("PeerAuthentication")).isEmpty();
        assertThat(chart.all("AuthorizationPolicy")).isEmpty();
        JsonNode template = chart.one("Deployment").at("/spec/template/metadata");
        assertThat(template.at("/labels").has("sidecar.istio.io/inject")).isFalse();
        assertThat(template.at("/labels").has("istio.io/dataplane-mode")).isFalse();
        assertThat(template.at("/annotations/linkerd.io~1inject").asText())
                .isEqualTo(mode.equals("linkerd") ? "enabled" : "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ambient", "sidecar"})
    void istioModesRequireMutualTlsAndOnlyAdmitGatewayAndPrometheus(String mode) {
        ChartRender chart = ChartRender.of(Map.of("mesh.mode", mode));
        JsonNode peer = chart.one("PeerAuthentication");
        assertThat(peer.at("/spec/mtls/mode").asText()).isEqualTo("STRICT");
        JsonNode podLabels = chart.one("Deployment").at("/spec/template/metadata/labels");
        assertThat(selects(peer.at("/spec/selector/matchLabels"), podLabels)).isTrue();

        JsonNode authz = chart.one("AuthorizationPolicy");
        assertThat(authz.at("/spec/action").asText()).isEqualTo("ALLOW");
        assertThat(selects(authz.at("/spec/selector/matchLabels"), podLabels)).isTrue();
        JsonNode rules = authz.at("/spec/rules");
        assertThat(rules).hasSize(2);
        JsonNode scrape = ruleFor(rules, PROMETHEUS);
        assertThat(scrape.at("/to/0/operation/ports").toString()).isEqualTo("[\"8080\"]");
        JsonNode users = ruleFor(rules, GATEWAY);
        if (mode.equals("sidecar")) {
            assertThat(podLabels.path("sidecar.istio.io/inject").asText()).isEqualTo("true");
            assertThat(scrape.at("/to/0/operation/paths").toString()).isEqualTo("[\"/metrics\"]");
            assertThat(scrape.at("/to/0/operation/methods").toString()).isEqualTo("[\"GET\"]");
            assertThat(users.at("/to/0/operation/notPaths").toString()).isEqualTo("[\"/metrics\"]");
        } else {
            assertThat(podLabels.path("istio.io/dataplane-mode").asText()).isEqualTo("ambient");
            // ztunnel enforces L4 only: a path rule there would turn into deny-all.
            assertThat(scrape.at("/to/0/operation").has("paths")).isFalse();
            assertThat(users.at("/to/0/operation").has("notPaths")).isFalse();
        }
    }

    @Test
    void ambientWithWaypointMovesPathRulesToTheWaypoint() {
        ChartRender chart = ChartRender.of(Map.of("mesh.mode", "ambient", "mesh.waypoint.enabled", "true"));
        List<JsonNode> policies = chart.all("AuthorizationPolicy");
        assertThat(policies).hasSize(2);
        JsonNode l7 = policies.stream().filter(p -> p.at("/spec").has("targetRefs")).findFirst().orElseThrow();
        assertThat(l7.at("/spec/targetRefs/0/kind").asText()).isEqualTo("Service");
        JsonNode scrape = ruleFor(l7.at("/spec/rules"), PROMETHEUS);
        assertThat(scrape.at("/to/0/operation/paths").toString()).isEqualTo("[\"/metrics\"]");
        JsonNode l4 = policies.stream().filter(p -> p.at("/spec").has("selector")).findFirst().orElseThrow();
        assertThat(ruleFor(l4.at("/spec/rules"), "cluster.local/ns/dev-sample-api/sa/waypoint")).isNotNull();
        assertThat(chart.one("Service").at("/metadata/labels/istio.io~1use-waypoint").asText()).isEqualTo("waypoint");
    }

    @Test
    void databaseUrlComesFromASecretAndExtraEgressIsAdmitted() {
        ChartRender chart = ChartRender.of(Map.of(
                "database.existingSecret", "items-db",
                "networkPolicy.egress[0].namespace", "data",
                "networkPolicy.egress[0].ports[0]", "5432"));
        JsonNode container = chart.one("Deployment").at("/spec/template/spec/containers/0");
        JsonNode db = envVar(container, "DATABASE_URL");
        assertThat(db.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("items-db");
        assertThat(db.at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("DATABASE_URL");
        JsonNode egress = chart.one("NetworkPolicy").at("/spec/egress");
        assertThat(egress).anySatisfy(rule -> {
            assertThat(rule.at("/to/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                    .isEqualTo("data");
            assertThat(ports(rule)).containsExactly(5432);
        });
    }

    @Test
    void theOtlpCollectorsNamespaceIsAdmittedForEgress() {
        JsonNode egress = ChartRender.of(Map.of("tracing.otlpEndpoint", "http://tempo.monitoring.svc:4318"))
                .one("NetworkPolicy").at("/spec/egress");
        assertThat(egress).anySatisfy(rule -> {
            assertThat(rule.at("/to/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                    .isEqualTo("monitoring");
            assertThat(ports(rule)).containsExactly(4318);
        });
        assertThat(ChartRender.of(Map.of()).one("NetworkPolicy").at("/spec/egress")).hasSize(1);
    }

    @Test
    void configMapCarriesTheServiceSettings() {
        JsonNode data = ChartRender.of(Map.of("tracing.otlpEndpoint", "http://tempo.monitoring:4318",
                "environment", "prod")).one("ConfigMap").path("data");
        assertThat(data.path("OTEL_EXPORTER_OTLP_ENDPOINT").asText()).isEqualTo("http://tempo.monitoring:4318");
        assertThat(data.path("ENVIRONMENT").asText()).isEqualTo("prod");
        assertThat(data.path("SHUTDOWN_DRAIN_MS").asText()).isEqualTo("5000");
        assertThat(data.path("config.yaml").asText()).contains("{}");
    }

    @Test
    void lintsCleanWithAPinnedTag(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("sample-api");
        copyTree(ChartRender.CHART, copy);
        Path values = copy.resolve("values.yaml");
        Files.writeString(values, Files.readString(values).replace("  tag: \"\"", "  tag: \"0.1.0\""));
        LintResult result = new Helm(copy).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();

        // The same lint does catch a broken template.
        Files.writeString(copy.resolve("templates/broken.yaml"), "kind: {{ .Values.environment | nosuchfunc }}\n");
        LintResult broken = new Helm(copy).lint().strict().call();
        assertThat(broken.isFailed()).isTrue();
        assertThat(String.join("\n", broken.getMessages())).contains("nosuchfunc");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        assertThat(selector.isEmpty()).as("empty selector").isFalse();
        boolean all = true;
        for (var it = selector.fields(); it.hasNext(); ) {
            var entry = it.next();
            all &= entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null));
        }
        return all;
    }

    private static JsonNode ruleFromNamespace(JsonNode rules, String namespace) {
        for (JsonNode rule : rules) {
            if (namespace.equals(rule.at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                    .asText())) {
                return rule;
            }
        }
        throw new AssertionError("no ingress rule from namespace " + namespace + " in " + rules);
    }

    private static JsonNode ruleFor(JsonNode rules, String principal) {
        for (JsonNode rule : rules) {
            for (JsonNode p : rule.at("/from/0/source/principals")) {
                if (principal.equals(p.asText())) {
                    return rule;
                }
            }
        }
        throw new AssertionError("no rule for principal " + principal + " in " + rules);
    }

    private static List<Integer> ports(JsonNode rule) {
        List<Integer> ports = new ArrayList<>();
        rule.path("ports").forEach(port -> ports.add(port.path("port").asInt()));
        return ports;
    }

    private static JsonNode envVar(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (name.equals(env.path("name").asText())) {
                return env;
            }
        }
        throw new AssertionError("no env " + name);
    }

    private static String env(JsonNode container, String name) {
        return envVar(container, name).path("value").asText();
    }

    private static String mountPath(JsonNode container, String volume) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (volume.equals(mount.path("name").asText())) {
                return mount.path("mountPath").asText();
            }
        }
        throw new AssertionError("no mount of " + volume);
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode volume : pod.path("volumes")) {
            if (name.equals(volume.path("name").asText())) {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name);
    }
}
