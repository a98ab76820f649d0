package dev.strata.charts.render;

import dev.strata.charts.ChartException;
import dev.strata.charts.TestCharts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * helm-java renders the way Argo CD's {@code helm template} does: lookup answers nothing (no
 * cluster), hooks and crds/ are in the output, the cluster's CRD API versions are known.
 */
class HelmTemplateTest {

    @TempDir
    Path dir;

    private HelmTemplate.Rendered render(Path chart, Set<String> apiVersions, List<Path> values) {
        return new HelmTemplate().render(chart, new HelmTemplate.Request("rel", "apps", "v1.34.0", apiVersions, values, Optional.empty()));
    }

    private static String all(HelmTemplate.Rendered r) {
        return String.join("", r.parts().stream().map(HelmTemplate.Part::yaml).toList());
    }

    @Test
    void lookupAnswersAnEmptyMapAsHelmTemplateDoesWithoutACluster() {
        Path chart = TestCharts.chart("secret", "1.0.0").file("templates/secret.yaml", """
                {{- $existing := (lookup "v1" "Secret" .Release.Namespace "admin") }}
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: admin
                data:
                  found: {{ if $existing }}"yes"{{ else }}"no"{{ end }}
                """).pack(dir);
        HelmTemplate.Rendered r = render(chart, Set.of(), List.of());
        assertThat(r.parts()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("secret/templates/secret.yaml");
            assertThat(p.yaml()).contains("found: \"no\"");
        });
    }

    @Test
    void hooksAreRenderedWithTheirAnnotationsAsArgoCdSeesThem() {
        Path chart = TestCharts.chart("hooked", "1.0.0")
                .values("job:\n  annotations:\n    helm.sh/hook: post-install\n")
                .file("templates/pre.yaml", """
                        apiVersion: batch/v1
                        kind: Job
                        metadata:
                          name: pre
                          annotations:
                            "helm.sh/hook": pre-install,pre-upgrade
                            "helm.sh/hook-delete-policy": before-hook-creation
                        spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox:1.37.0}]}}}
                        """)
                .file("templates/post.yaml", """
                        apiVersion: batch/v1
                        kind: Job
                        metadata:
                          name: post
                          annotations: {{ toJson .Values.job.annotations }}
                        spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox:1.37.0}]}}}
                        """).pack(dir);
        String out = all(render(chart, Set.of(), List.of()));
        assertThat(out).contains("\"helm.sh/hook\": pre-install,pre-upgrade", "\"helm.sh/hook-delete-policy\": before-hook-creation",
                "{\"helm.sh/hook\":\"post-install\"}").doesNotContain("strata.dev");
    }

    @Test
    void crdsOfTheChartAndOfEnabledDependenciesAreIncludedButNotOfDisabledOnes() {
        String crd = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: %s\n";
        Path chart = TestCharts.chart("top", "1.0.0")
                .file("crds/widgets.yaml", crd.formatted("widgets.example.org"))
                .values("on:\n  enabled: true\noff:\n  enabled: false\n")
                .dependencies("""
                          - name: sub-on
                            version: 1.0.0
                            condition: on.enabled
                          - name: sub-off
                            version: 1.0.0
                            condition: off.enabled
                        """)
                .subchart(TestCharts.chart("sub-on", "1.0.0").file("crds/gadgets.yaml", crd.formatted("gadgets.example.org")))
                .subchart(TestCharts.chart("sub-off", "1.0.0").file("crds/gizmos.yaml", crd.formatted("gizmos.example.org")))
                .pack(dir);
        HelmTemplate.Rendered r = render(chart, Set.of(), List.of());
        assertThat(r.parts()).extracting(HelmTemplate.Part::source)
                .containsExactly("top/crds/widgets.yaml", "top/charts/sub-on/crds/gadgets.yaml");
    }

    @Test
    void aValuesFileCanSwitchADependencyAndItsCrdsOn() throws IOException {
        String crd = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: gizmos.example.org\n";
        Path chart = TestCharts.chart("top", "1.0.0").values("sub:\n  enabled: false\n")
                .dependencies("  - {name: sub, version: 1.0.0, condition: sub.enabled}\n")
                .subchart(TestCharts.chart("sub", "1.0.0").file("crds/gizmos.yaml", crd).file("templates/cm.yaml",
                        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: from-sub}\n"))
                .pack(dir);
        Path values = Files.writeString(dir.resolve("values.yaml"), "sub:\n  enabled: true\n");
        assertThat(render(chart, Set.of(), List.of()).parts()).isEmpty();
        assertThat(render(chart, Set.of(), List.of(values)).parts()).extracting(HelmTemplate.Part::source)
                .containsExactly("top/charts/sub/templates/cm.yaml", "top/charts/sub/crds/gizmos.yaml");
    }

    @Test
    void theClustersCrdApiVersionsAreVisibleToCapabilityChecks() {
        Path chart = TestCharts.chart("mon", "1.0.0").file("templates/sm.yaml", """
                {{- if .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" }}
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: mon}
                {{- end }}
                {{- if $.Capabilities.APIVersions.Has "apps/v1" }}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: builtin}
                {{- end }}
                """).pack(dir);
        assertThat(all(render(chart, Set.of(), List.of()))).doesNotContain("ServiceMonitor").contains("builtin");
        assertThat(all(render(chart, Set.of("monitoring.coreos.com/v1"), List.of()))).contains("kind: ServiceMonitor", "builtin");
    }

    @Test
    void dependenciesPackedAsArchivesRenderToo() throws IOException {
        Path sub = TestCharts.chart("lib", "0.1.0").file("templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lib}\n")
                .pack(Files.createDirectory(dir.resolve("sub")));
        Path top = TestCharts.chart("app", "1.0.0").dependencies("  - {name: lib, version: 0.1.0}\n").writeDirectory(dir);
        Files.createDirectories(top.resolve("charts"));
        Files.copy(sub, top.resolve("charts/lib-0.1.0.tgz"));
        assertThat(render(top, Set.of(), List.of()).parts()).extracting(HelmTemplate.Part::source).containsExactly("app/charts/lib/templates/cm.yaml");
        assertThat(top.resolve("charts/lib-0.1.0.tgz")).as("the chart given is never changed").exists();
    }

    @Test
    void aChartWithNoTemplatesRendersNothing() {
        Path chart = TestCharts.chart("empty", "1.0.0").values("a: 1\n").pack(dir);
        assertThat(render(chart, Set.of(), List.of()).parts()).isEmpty();
    }

    @Test
    void aFailingTemplateSaysWhereAndWhy() {
        Path chart = TestCharts.chart("bad", "1.0.0").file("templates/x.yaml", "{{ required \"image.tag is required\" .Values.image }}\n").pack(dir);
        assertThatThrownBy(() -> render(chart, Set.of(), List.of())).isInstanceOf(ChartException.class)
                .hasMessageStartingWith("helm template failed:").hasMessageContaining("bad/templates/x.yaml").hasMessageContaining("image.tag is required");
    }

    @Test
    void defaultValuesIncludeDependenciesUnderTheirKeys() {
        Path chart = TestCharts.chart("top", "1.0.0").values("own: 1\nsub:\n  replicas: 3\n")
                .dependencies("  - {name: sub, version: 1.0.0}\n")
                .subchart(TestCharts.chart("sub", "1.0.0").values("replicas: 1\nimage: {tag: \"1.0\"}\n")).pack(dir);
        assertThat(render(chart, Set.of(), List.of()).defaultValues())
                .isEqualTo(java.util.Map.of("own", 1, "sub", java.util.Map.of("replicas", 3, "image", java.util.Map.of("tag", "1.0"))));
    }
}
