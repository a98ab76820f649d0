package dev.strata.cluster.ops;

import dev.strata.cluster.fakes.FakeKube;
import dev.strata.render.RenderedTree;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DifferTest {

    private static final String APP = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: loki, namespace: argocd}
            spec: {source: {targetRevision: 6.49.0}}
            """;

    @Test
    void reportsNewChangedAndUnchangedObjectsIgnoringWhatTheServerOwns() {
        RenderedTree tree = new RenderedTree();
        tree.put("argocd/platform/application-loki.yaml", APP);
        tree.put("argocd/platform/application-tempo.yaml", APP.replace("loki", "tempo"));
        tree.put("platform/observability/loki/values.yaml", "loki: {}\n");
        FakeKube kube = new FakeKube();
        Map<String, Object> live = new LinkedHashMap<>(Map.of("apiVersion", "argoproj.io/v1alpha1", "kind", "Application",
                "metadata", Map.of("name", "loki", "namespace", "argocd", "resourceVersion", "41", "uid", "u-1"),
                "spec", Map.of("source", Map.of("targetRevision", "6.48.0")), "status", Map.of("sync", Map.of("status", "Synced"))));
        kube.objects.put("Application/argocd/loki", live);
        kube.dryRunResult = Map.of("apiVersion", "argoproj.io/v1alpha1", "kind", "Application",
                "metadata", Map.of("name", "loki", "namespace", "argocd", "resourceVersion", "42", "uid", "u-1"),
                "spec", Map.of("source", Map.of("targetRevision", "6.49.0")), "status", Map.of("sync", Map.of("status", "OutOfSync")));

        var changes = new Differ(kube).diff(tree);

        assertThat(changes).extracting(Object::toString).containsExactly(
                "~ Application argocd/loki: spec.source.targetRevision: 6.48.0 → 6.49.0",
                "+ Application argocd/tempo (new)");
        assertThat(kube.writes).isEmpty();
    }

    @Test
    void identicalObjectsAreUnchanged() {
        assertThat(Differ.changedFields(Map.of("a", List.of(1, 2), "metadata.managedFields[0].manager", "x"), Map.of("a", List.of(1, 2)))).isEmpty();
        assertThat(Differ.changedFields(Differ.flatten(Map.of("a", List.of(1, 2))), Differ.flatten(Map.of("a", List.of(1, 3)))))
                .containsExactly("a[1]: 2 → 3");
    }

    @Test
    void valuesAndKustomizeFilesAreInputsNotObjects() {
        assertThat(Differ.objectFile("platform/network/cilium/values.yaml")).isFalse();
        assertThat(Differ.objectFile("apps/sample-api/overlays/dev/kustomization.yaml")).isFalse();
        assertThat(Differ.objectFile("clusters/lab/kind.yaml")).isFalse();
        assertThat(Differ.objectFile("bootstrap/root.yaml")).isTrue();
    }
}
