package dev.strata.render.cluster;

import dev.strata.render.RenderContext;
import dev.strata.render.RenderException;
import dev.strata.render.RenderFixtures;
import dev.strata.render.RenderedTree;
import dev.strata.spec.NodeGroup;
import dev.strata.spec.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.strata.render.RenderFixtures.context;
import static dev.strata.render.RenderFixtures.spec;
import static dev.strata.render.RenderFixtures.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KindConfigTest {

    static final List<String> KIND = RenderFixtures.profilesOn(dev.strata.spec.Provider.KIND);

    static RenderedTree render(RenderContext ctx) {
        RenderedTree t = new RenderedTree();
        new ClusterConfigGenerator().generate(ctx, t);
        return t;
    }

    static Map<String, Object> kindConfig(String profile) {
        RenderedTree t = render(context(profile));
        assertThat(t.files().keySet()).containsExactly("clusters/" + profile + "/kind.yaml");
        return single(t.get("clusters/" + profile + "/kind.yaml"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> nodes(Map<String, Object> cfg) {
        return (List<Map<String, Object>>) cfg.get("nodes");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> labels(Map<String, Object> node) {
        return (Map<String, Object>) node.getOrDefault("labels", Map.of());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> ports(Map<String, Object> node) {
        return (List<Map<String, Object>>) node.getOrDefault("extraPortMappings", List.of());
    }

    @ParameterizedTest
    @FieldSource("KIND")
    void hasOneEntryPerNodeOfTheSpecWithTheCatalogImagePinnedByDigest(String profile) {
        Map<String, Object> cfg = kindConfig(profile);
        assertThat(cfg).containsEntry("kind", "Cluster").containsEntry("apiVersion", "kind.x-k8s.io/v1alpha4").containsEntry("name", profile);
        assertThat(nodes(cfg)).hasSize(spec(profile).cluster().nodeCount());
        String catalogImage = dev.strata.catalog.Catalog.bundled().get("kind").tools().get(0).images().get("v1.34");
        assertThat(nodes(cfg)).allSatisfy(n -> assertThat(n.get("image")).isEqualTo(catalogImage)
                .asString().matches("kindest/node:v1\\.34\\.\\d+@sha256:[0-9a-f]{64}"));
        long controlPlanes = spec(profile).cluster().nodes().stream().filter(g -> g.role() == dev.strata.spec.NodeRole.CONTROL_PLANE)
                .mapToInt(NodeGroup::count).sum();
        assertThat(nodes(cfg).stream().filter(n -> n.get("role").equals("control-plane")).count()).isEqualTo(controlPlanes);
        assertThat(nodes(cfg).get(0)).containsEntry("role", "control-plane");
    }

    @ParameterizedTest
    @FieldSource("KIND")
    void exactlyOnePlatformNodePublishesTheGatewayPortsOnLoopbackAndIsLabelledForIt(String profile) {
        List<Map<String, Object>> nodes = nodes(kindConfig(profile));
        List<Map<String, Object>> publishing = nodes.stream().filter(n -> ports(n).stream()
                .anyMatch(p -> Integer.valueOf(80).equals(p.get("hostPort")) || Integer.valueOf(443).equals(p.get("hostPort")))).toList();
        assertThat(publishing).hasSize(1);
        Map<String, Object> ingress = publishing.get(0);
        assertThat(ports(ingress)).contains(
                Map.of("containerPort", 80, "hostPort", 80, "listenAddress", "127.0.0.1", "protocol", "TCP"),
                Map.of("containerPort", 443, "hostPort", 443, "listenAddress", "127.0.0.1", "protocol", "TCP"));
        assertThat(ingress).containsEntry("role", "worker");
        assertThat(labels(ingress)).containsEntry("ingress-ready", "true").containsEntry("strata.dev/tier", "platform");
        assertThat(nodes.stream().filter(n -> labels(n).containsKey("ingress-ready"))).hasSize(1);
        assertThat(nodes.stream().filter(n -> !ports(n).isEmpty())).hasSize(1);
    }

    @Test
    void kongHostPortsAreMappedOnTheGatewayNodeToo() {
        List<Map<String, Object>> nodes = nodes(kindConfig("kind-full"));
        Map<String, Object> ingress = nodes.stream().filter(n -> !ports(n).isEmpty()).findFirst().orElseThrow();
        assertThat(ports(ingress)).extracting(p -> p.get("hostPort")).containsExactly(80, 443, 8080, 8443);
        assertThat(ports(ingress)).allSatisfy(p -> assertThat(p.get("containerPort")).isEqualTo(p.get("hostPort")));
        assertThat(ports(nodes(kindConfig("kind-lab")).stream().filter(n -> !ports(n).isEmpty()).findFirst().orElseThrow()))
                .extracting(p -> p.get("hostPort")).containsExactly(80, 443);
    }

    @Test
    void ciliumProfilesDropKindnetAndKubeProxyWhileHomeKeepsBoth() {
        for (String profile : List.of("kind-lab", "kind-full")) {
            assertThat(kindConfig(profile).get("networking")).as(profile)
                    .isEqualTo(Map.of("disableDefaultCNI", true, "kubeProxyMode", "none"));
        }
        Map<String, Object> home = kindConfig("home");
        assertThat(home).doesNotContainKey("networking");
    }

    @ParameterizedTest
    @FieldSource("KIND")
    void everyNodeCarriesItsTierLabelAndNoRoleLabelAKubeletCouldNotSet(String profile) {
        List<Map<String, Object>> nodes = nodes(kindConfig(profile));
        assertThat(nodes).allSatisfy(n -> assertThat(labels(n).keySet())
                .noneMatch(k -> k.startsWith("node-role.kubernetes.io/") || k.contains("kubernetes.io/") || k.contains("k8s.io/")));
        List<String> expectedTiers = spec(profile).cluster().nodes().stream()
                .sorted((a, b) -> Boolean.compare(a.role() != dev.strata.spec.NodeRole.CONTROL_PLANE, b.role() != dev.strata.spec.NodeRole.CONTROL_PLANE))
                .flatMap(g -> java.util.Collections.nCopies(g.count(), g.tier().orElse("")).stream()).toList();
        assertThat(nodes).extracting(n -> (String) labels(n).getOrDefault("strata.dev/tier", "")).containsExactlyElementsOf(expectedTiers);
    }

    @Test
    void aTaintedTierRegistersItsTaintThroughKubeadmAndUntaintedNodesHaveNoPatch() {
        List<Map<String, Object>> nodes = nodes(kindConfig("home"));
        Map<String, Object> platform = nodes.stream().filter(n -> "platform".equals(labels(n).get("strata.dev/tier"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<String> patches = (List<String>) platform.get("kubeadmConfigPatches");
        assertThat(patches).hasSize(1);
        Map<String, Object> patch = single(patches.get(0));
        assertThat(patch).containsEntry("kind", "JoinConfiguration")
                .containsEntry("nodeRegistration", Map.of("taints", List.of(Map.of("key", "strata.dev/tier", "value", "platform", "effect", "NoSchedule"))));
        assertThat(nodes.stream().filter(n -> "apps".equals(labels(n).get("strata.dev/tier")))).hasSize(2)
                .allSatisfy(n -> assertThat(n).doesNotContainKey("kubeadmConfigPatches"));
        assertThat(nodes.get(0)).doesNotContainKey("kubeadmConfigPatches");
    }

    @Test
    void aSchedulableControlPlaneRegistersWithoutTheControlPlaneTaint() {
        var spec = RenderFixtures.withCluster("kind-lab", c -> RenderFixtures.cluster(c, Provider.KIND, c.kubernetesVersion(),
                RenderFixtures.withFirstGroup(c, g -> new NodeGroup(g.name(), g.role(), g.tier(), g.count(), g.capacity(), g.labels(), g.taints(), true))));
        Map<String, Object> cfg = single(render(context(spec)).get("clusters/kind-lab/kind.yaml"));
        @SuppressWarnings("unchecked")
        List<String> patches = (List<String>) nodes(cfg).get(0).get("kubeadmConfigPatches");
        assertThat(single(patches.get(0))).containsEntry("kind", "InitConfiguration").containsEntry("nodeRegistration", Map.of("taints", List.of()));
    }

    @Test
    void aKubernetesMinorWithoutKindImageFailsNamingTheMinorsThatExist() {
        var spec = RenderFixtures.withCluster("kind-lab", c -> RenderFixtures.cluster(c, Provider.KIND, "v1.33.4", c.nodes()));
        RenderContext ctx = new RenderContext(spec, context("kind-lab").plan(), dev.strata.catalog.Catalog.bundled());
        assertThatThrownBy(() -> render(ctx)).isInstanceOf(RenderException.class)
                .hasMessageContaining("spec.cluster.kubernetesVersion")
                .hasMessageContaining("no node image for Kubernetes v1.33 (v1.33.4)")
                .hasMessageContaining("v1.34, v1.35, v1.36, v1.37");
    }

    @Test
    void aRoleLabelInTheSpecIsRefusedBeforeAnyClusterIsCreated() {
        var spec = RenderFixtures.withCluster("kind-lab", c -> RenderFixtures.cluster(c, Provider.KIND, c.kubernetesVersion(),
                RenderFixtures.withFirstGroup(c, g -> new NodeGroup(g.name(), g.role(), g.tier(), g.count(), g.capacity(),
                        Map.of("node-role.kubernetes.io/infra", ""), g.taints(), g.schedulable()))));
        RenderContext ctx = new RenderContext(spec, context("kind-lab").plan(), dev.strata.catalog.Catalog.bundled());
        assertThatThrownBy(() -> render(ctx)).isInstanceOf(RenderException.class)
                .hasMessageContaining("spec.cluster.nodes[0].labels: \"node-role.kubernetes.io/infra\" cannot be set by the node's own kubelet");
    }

    @Test
    void anExistingClusterGetsNoClusterFiles() {
        var spec = RenderFixtures.withCluster("home", c -> RenderFixtures.cluster(c, Provider.EXISTING, c.kubernetesVersion(), c.nodes()));
        assertThat(render(context(spec)).files()).isEmpty();
    }

    @Test
    void theGatewaySelectorNamesTheMappedNodeOnKindOnly() {
        assertThat(context("home").facts().ingressNodeSelector()).isEqualTo(Map.of("ingress-ready", "true", "strata.dev/tier", "platform"));
        assertThat(context("talos-ambient").facts().ingressNodeSelector()).isEqualTo(Map.of("strata.dev/tier", "platform"));
        assertThat(dev.strata.plan.facts.PlatformFacts.ingressGroup(spec("home").cluster()).map(NodeGroup::name)).isEqualTo(Optional.of("platform"));
    }
}
