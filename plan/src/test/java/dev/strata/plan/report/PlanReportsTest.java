package dev.strata.plan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.catalog.Catalog;
import dev.strata.catalog.Component;
import dev.strata.plan.Plan;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.Scenario;
import dev.strata.spec.SpecLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan's text and JSON over a small catalog of its own, so that the expected output is exact. */
class PlanReportsTest {

    static final String ENTRY = """
            id: web-operator
            layer: security
            namespace: ops
            releases:
              - name: web-operator
                source: {type: helm, repository: https://charts.example.org, chart: web-operator, version: 1.2.3, appVersion: v1.2.3, confirmedFrom: test, confirmedOn: 2026-11-27}
                workloads:
                  - name: web-operator
                    kind: Deployment
                    replicas: 2
                    containers:
                      - {name: manager, valuesKey: resources, requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 200m, memory: 256Mi}}
            """;

    static Plan plan(String workerMemory) throws Exception {
        Component c = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .readValue(ENTRY, Component.class);
        Catalog catalog = Catalog.of(java.util.List.of(c));
        var spec = new SpecLoader(catalog).parse("platform.yaml", """
                apiVersion: strata.dev/v1alpha1
                kind: Platform
                metadata: {name: tiny}
                spec:
                  cluster:
                    provider: existing
                    kubernetesVersion: v1.34.11
                    nodes:
                      - {name: cp, role: control-plane, capacity: {cpu: "2", memory: 2Gi}}
                      - {name: w, role: worker, tier: platform, capacity: {cpu: "1", memory: %s}}
                  components:
                    web-operator: {}
                  environments: [dev]
                  apps:
                    - name: api
                      environments: {dev: {replicas: 1, maxReplicas: 2}}
                """.formatted(workerMemory));
        return new Planner(catalog).plan(spec, Scenario.REPLICAS);
    }

    @Test
    void textSaysWhatIsPlannedWhereAndWhy() throws Exception {
        assertThat(PlanText.render(plan("1Gi"))).isEqualTo("""
                Platform tiny on existing, Kubernetes v1.34.11: 2 nodes, 1 component, 1 app in 1 environment

                Components, in dependency order
                  web-operator             1.2.3          security       ops

                Sizes: declared in the catalog (`strata charts pull` caches the charts; the plan then measures their pods)

                Sync waves (each waits for the previous one to be Healthy)
                    0  namespaces                 namespaces with their mesh and Pod Security labels and default-deny NetworkPolicies exist before anything runs in them
                    1  web-operator               needs only its namespace
                    2  api                        after the whole platform: its objects use the platform's CRDs (HTTPRoute, ServiceMonitor, mesh policies) and admission policies must already apply

                Capacity (scenario: replicas)
                  NODE               TIER           CPU REQ/ALLOC          MEMORY REQ/ALLOC         LIMITS CPU/MEM     PODS
                  cp                 control-plane  650m/1900m (34%)       100Mi/1792Mi (6%)        0%/0%              5
                  w                  platform       250m/900m (28%)        368Mi/768Mi (48%)        100%/117%          4

                  TIER               NODES  CPU REQ/ALLOC          MEMORY REQ/ALLOC         HEADROOM               LIMITS CPU/MEM
                  control-plane      1      650m/1900m (34%)       100Mi/1792Mi (6%)        1250m / 1692Mi         0%/0%
                  platform           1      250m/900m (28%)        368Mi/768Mi (48%)        650m / 400Mi           100%/117%

                  Kubernetes itself (control plane, CoreDNS, kube-proxy, default CNI): 650m CPU, 100Mi memory requested
                  Strata components: 200m CPU, 256Mi memory requested; apps: 50m CPU, 112Mi memory requested; together: 250m CPU, 368Mi memory requested

                All 9 pods fit.
                """);
    }

    @Test
    void textListsEveryPodThatDoesNotFitWithTheReason() throws Exception {
        // 320Mi less the 256Mi per-node reserve leaves 64Mi: not one of the three pods fits
        String text = PlanText.render(plan("320Mi"));
        assertThat(text).endsWith("""
                3 of 9 pods do not fit:
                  pod web-operator-1 (ops): 0/2 nodes available: 1 untolerated taint node-role.kubernetes.io/control-plane, 1 insufficient memory (needs 128Mi, free 64Mi)
                  pod web-operator-2 (ops): 0/2 nodes available: 1 untolerated taint node-role.kubernetes.io/control-plane, 1 insufficient memory (needs 128Mi, free 64Mi)
                  pod api-1 (dev-api): 0/2 nodes available: 1 untolerated taint node-role.kubernetes.io/control-plane, 1 insufficient memory (needs 112Mi, free 64Mi)
                """);
    }

    @Test
    void jsonCarriesIntegersForScriptsAndTheFit() throws Exception {
        JsonNode root = new ObjectMapper().readTree(PlanJson.render(plan("1Gi")));
        assertThat(root.path("capacity").path("fits").asBoolean()).isTrue();
        assertThat(root.path("capacity").path("pods").asInt()).isEqualTo(9); // 4 static + kube-proxy on 2 nodes + 2 operator + 1 api
        JsonNode w = root.path("capacity").path("nodes").get(1);
        assertThat(w.path("requests").path("cpuMillicores").asLong()).isEqualTo(250);
        assertThat(w.path("requests").path("memoryBytes").asLong()).isEqualTo(368L << 20);
        assertThat(root.path("capacity").path("totals").path("kubernetes").path("cpuMillicores").asLong()).isEqualTo(650);
        assertThat(root.path("waves").findValuesAsText("name")).containsExactly("namespaces", "web-operator", "api");
    }

    @Test
    void theSvgIsWellFormedAndNamesEveryNodeAndOwner() throws Exception {
        String svg = CapacitySvg.render(plan("1Gi"));
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(svg).contains(">cp</text>", ">w</text>", ">web-operator</text>", ">api</text>", ">kubernetes</text>", "All 9 pods fit.");
    }
}
