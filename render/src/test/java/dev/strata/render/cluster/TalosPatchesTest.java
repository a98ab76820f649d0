package dev.strata.render.cluster;

import dev.strata.render.RenderFixtures;
import dev.strata.render.RenderedTree;
import dev.strata.spec.NodeGroup;
import dev.strata.spec.NodeRole;
import dev.strata.spec.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.strata.render.RenderFixtures.context;
import static dev.strata.render.RenderFixtures.spec;
import static dev.strata.render.RenderFixtures.documents;
import static org.assertj.core.api.Assertions.assertThat;

class TalosPatchesTest {

    static final List<String> TALOS = RenderFixtures.profilesOn(dev.strata.spec.Provider.TALOS);

    static RenderedTree render(String profile) {
        return KindConfigTest.render(context(profile));
    }

    static Optional<Map<String, Object>> doc(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).findFirst();
    }

    @ParameterizedTest
    @FieldSource("TALOS")
    void writesAControlPlanePatchAndOnePatchPerWorkerGroupAndNothingElse(String profile) {
        RenderedTree t = render(profile);
        List<String> expected = new java.util.ArrayList<>(List.of("clusters/" + profile + "/talos/controlplane.yaml"));
        spec(profile).cluster().nodes().stream().filter(g -> g.role() == NodeRole.WORKER)
                .forEach(g -> expected.add("clusters/" + profile + "/talos/" + g.name() + ".yaml"));
        assertThat(t.files().keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(t.files().values()).allSatisfy(text -> assertThat(documents(text)).isNotEmpty()
                .allSatisfy(d -> assertThat(d).containsEntry("apiVersion", "v1alpha1").containsKey("kind")
                        // Talos 1.14 refuses the deprecated v1alpha1 fields beside its generated Kubernetes documents.
                        .doesNotContainKeys("machine", "cluster", "version")));
    }

    @ParameterizedTest
    @FieldSource("TALOS")
    void ciliumReplacesFlannelAndKubeProxyOnTheControlPlanes(String profile) {
        List<Map<String, Object>> cp = documents(render(profile).get("clusters/" + profile + "/talos/controlplane.yaml"));
        assertThat(doc(cp, "KubeProxyConfig")).hasValueSatisfying(d -> assertThat(d).containsEntry("enabled", false));
        assertThat(doc(cp, "KubeFlannelCNIConfig")).hasValueSatisfying(d -> assertThat(d).containsEntry("$patch", "delete"));
    }

    @ParameterizedTest
    @FieldSource("TALOS")
    void eachWorkerGroupCarriesItsTierLabelAndTaintsAndNoRoleLabel(String profile) {
        RenderedTree t = render(profile);
        for (NodeGroup g : spec(profile).cluster().nodes()) {
            if (g.role() != NodeRole.WORKER) {
                continue;
            }
            Map<String, Object> node = doc(documents(t.get("clusters/" + profile + "/talos/" + g.name() + ".yaml")), "KubeNodeConfig").orElseThrow();
            assertThat(node.get("labels")).as(g.name()).isEqualTo(Map.of("strata.dev/tier", g.tier().orElseThrow()));
            Map<String, String> taints = new java.util.TreeMap<>();
            g.taints().forEach(x -> taints.put(x.key(), x.value().isEmpty() ? x.effect() : x.value() + ":" + x.effect()));
            assertThat(node.getOrDefault("taints", Map.of())).as(g.name()).isEqualTo(taints);
        }
        assertThat(t.files().values()).allSatisfy(text -> assertThat(documents(text)).allSatisfy(d -> assertThat(
                ((Map<?, ?>) d.getOrDefault("labels", Map.of())).keySet()).noneMatch(k -> k.toString().startsWith("node-role.kubernetes.io/"))));
    }

    @Test
    void theTaintedPlatformTierOfTalosAmbientRegistersWithItsTaint() {
        Map<String, Object> platform = doc(documents(render("talos-ambient").get("clusters/talos-ambient/talos/platform.yaml")), "KubeNodeConfig").orElseThrow();
        assertThat(platform.get("taints")).isEqualTo(Map.of("strata.dev/tier", "platform:NoSchedule"));
        Map<String, Object> apps = doc(documents(render("talos-ambient").get("clusters/talos-ambient/talos/apps.yaml")), "KubeNodeConfig").orElseThrow();
        assertThat(apps).doesNotContainKey("taints");
    }

    @Test
    void theCreateCommandMatchesTheSpecsNodeCountsAndVersion() {
        String cell = render("cell").get("clusters/cell/talos/controlplane.yaml");
        assertThat(cell).contains("#   talosctl cluster create docker \\", "--name cell", "--kubernetes-version 1.34.11", "--workers 3",
                "--image ghcr.io/siderolabs/talos:v1.14.2", "--cpus-workers 4 \\\n#     --memory-workers 8GiB",
                "--config-patch-controlplanes @clusters/cell/talos/controlplane.yaml",
                "--config-patch-workers @clusters/cell/talos/worker.yaml",
                // three control planes: the Docker provisioner makes one, so the comment says how to get three
                "talosctl cluster create qemu --controlplanes 3 --workers 3");
        String ambient = render("talos-ambient").get("clusters/talos-ambient/talos/controlplane.yaml");
        assertThat(ambient).contains("--workers 2", "--config-patch-controlplanes @clusters/talos-ambient/talos/controlplane.yaml")
                .doesNotContain("--config-patch-workers", "--controlplanes")
                .contains("kubectl taint nodes talos-ambient-worker-1 strata.dev/tier=platform:NoSchedule --overwrite",
                        "patch machineconfig --patch @clusters/talos-ambient/talos/platform.yaml",
                        "patch machineconfig --patch @clusters/talos-ambient/talos/apps.yaml");
        assertThat(ambient.indexOf("kubectl taint nodes talos-ambient-worker-1"))
                .as("the taint is set before the patch that declares it").isLessThan(ambient.indexOf("@clusters/talos-ambient/talos/platform.yaml"));
    }

    @Test
    void aSchedulableControlPlaneDeletesTalosDefaultTaint() {
        var spec = RenderFixtures.withCluster("talos-ambient", c -> RenderFixtures.cluster(c, Provider.TALOS, c.kubernetesVersion(),
                RenderFixtures.withFirstGroup(c, g -> new NodeGroup(g.name(), g.role(), g.tier(), g.count(), g.capacity(), g.labels(), g.taints(), true))));
        List<Map<String, Object>> cp = documents(KindConfigTest.render(context(spec)).get("clusters/talos-ambient/talos/controlplane.yaml"));
        assertThat(doc(cp, "KubeNodeConfig")).hasValueSatisfying(d -> assertThat(d.get("taints"))
                .isEqualTo(Map.of("node-role.kubernetes.io/control-plane", Map.of("$patch", "delete"))));
    }
}
