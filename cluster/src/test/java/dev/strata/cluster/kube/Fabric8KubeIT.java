package dev.strata.cluster.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real client adapter against fabric8's CRUD mock API server (server-side apply is not supported there). */
@EnableKubernetesMockClient(crud = true)
class Fabric8KubeIT {

    KubernetesClient client;

    @Test
    void readsApplicationsWithWaveSyncHealthAndResources() {
        GenericKubernetesResource app = client.getKubernetesSerialization().convertValue(Map.of(
                "apiVersion", "argoproj.io/v1alpha1", "kind", "Application",
                "metadata", Map.of("name", "loki", "namespace", "argocd", "annotations", Map.of("argocd.argoproj.io/sync-wave", "3")),
                "status", Map.of("sync", Map.of("status", "Synced"), "health", Map.of("status", "Degraded", "message", "StatefulSet failed"),
                        "resources", List.of(Map.of("kind", "StatefulSet", "namespace", "monitoring", "name", "loki", "status", "Synced",
                                "health", Map.of("status", "Degraded", "message", "1 pod failing"))))), GenericKubernetesResource.class);
        client.genericKubernetesResources(Fabric8Kube.APPLICATIONS).inNamespace("argocd").resource(app).create();

        List<AppStatus> apps = new Fabric8Kube(client, "mock").applications();

        assertThat(apps).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("loki");
            assertThat(a.wave()).isEqualTo(3);
            assertThat(a.degraded()).isTrue();
            assertThat(a.resources()).singleElement().hasToString("StatefulSet monitoring/loki: Degraded (1 pod failing)");
        });
    }

    @Test
    void readsNodesAndPodsWithTheirProblems() {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("w1").addToLabels("strata.dev/tier", "platform").endMetadata()
                .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build()).create();
        client.pods().inNamespace("monitoring").resource(new PodBuilder().withNewMetadata().withName("loki-0").withNamespace("monitoring")
                .addNewOwnerReference().withKind("StatefulSet").withName("loki").withController(true).withApiVersion("apps/v1").withUid("u").endOwnerReference().endMetadata()
                .withNewSpec().withNodeName("w1").endSpec()
                .withNewStatus().withPhase("Running").addNewContainerStatus().withName("loki").withReady(false).withRestartCount(3)
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState().endContainerStatus().endStatus().build()).create();
        Fabric8Kube kube = new Fabric8Kube(client, "mock");

        assertThat(kube.nodes()).singleElement().satisfies(n -> {
            assertThat(n.ready()).isTrue();
            assertThat(n.labels()).containsEntry("strata.dev/tier", "platform");
        });
        assertThat(kube.pods("monitoring")).singleElement()
                .isEqualTo(new PodStatus("monitoring", "loki-0", "w1", "Running", false, 3, "CrashLoopBackOff", "StatefulSet"));
    }

    @Test
    void namespacesAndSecretsAreCreatedOnceAndNeverOverwritten() {
        Fabric8Kube kube = new Fabric8Kube(client, "mock");
        assertThat(kube.ensureNamespace("gitea", Map.of())).isTrue();
        assertThat(kube.ensureNamespace("gitea", Map.of())).isFalse();
        assertThat(kube.ensureSecret("gitea", "gitea-admin", Map.of("username", "strata", "password", "first"))).isTrue();
        assertThat(kube.ensureSecret("gitea", "gitea-admin", Map.of("username", "strata", "password", "second"))).isFalse();
        assertThat(kube.secretValue("gitea", "gitea-admin", "password")).contains("first");
    }

    @Test
    void getsAndDeletesObjectsByReference() {
        Fabric8Kube kube = new Fabric8Kube(client, "mock");
        kube.ensureNamespace("argocd", Map.of());
        ResourceRef ns = new ResourceRef("v1", "Namespace", "", "argocd");
        assertThat(kube.get(ns)).isPresent();
        kube.delete(ns);
        assertThat(kube.get(ns)).isEmpty();
        kube.delete(ns);
    }

    @Test
    void aProbeAdmittedIntoADefaultDenyNamespaceOpensOnlyThePathBetweenItAndThePods() {
        Probe probe = new Probe("dev-sample-api", "strata-verify-plaintext", Probe.CURL_IMAGE, List.of("true"), Map.of(), Map.of(), "", true);
        var policies = Fabric8Kube.admission(probe);
        assertThat(policies).extracting(p -> p.getMetadata().getName())
                .containsExactly("strata-verify-plaintext-in", "strata-verify-plaintext-out");
        var in = policies.get(0).getSpec();
        assertThat(in.getPodSelector().getMatchLabels()).as("every pod of the namespace").isNullOrEmpty();
        assertThat(in.getPolicyTypes()).containsExactly("Ingress");
        assertThat(in.getIngress().getFirst().getFrom().getFirst().getPodSelector().getMatchLabels())
                .containsExactly(Map.entry(Probe.LABEL, "strata-verify-plaintext"));
        var out = policies.get(1).getSpec();
        assertThat(out.getPodSelector().getMatchLabels()).containsExactly(Map.entry(Probe.LABEL, "strata-verify-plaintext"));
        assertThat(out.getPolicyTypes()).containsExactly("Egress");
        assertThat(probe.labels()).containsEntry(Probe.LABEL, "strata-verify-plaintext");
    }
}
