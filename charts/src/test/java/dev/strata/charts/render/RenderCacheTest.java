package dev.strata.charts.render;

import dev.strata.charts.TestCharts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Renders kept on disk: read back exactly, keyed by everything that changes a render, and never trusted when damaged. */
class RenderCacheTest {

    @TempDir
    Path dir;

    @Test
    void anEntryReadsBackExactlyWhateverTheManifestsHold() {
        var rendered = new HelmTemplate.Rendered("web", "1.0.0", List.of(
                new HelmTemplate.Part("web/templates/a.yaml", "kind: ConfigMap\ndata:\n  tab: \"\\t\"\n  text: |\n    part\tone\n    ümlaut 😀\n"),
                new HelmTemplate.Part("web/templates/empty.yaml", ""),
                new HelmTemplate.Part("web/crds/c.yaml", "---\nkind: CustomResourceDefinition\n\n\n")),
                Map.of("replicas", 2, "image", Map.of("tag", "1.0")),
                new TemplateRewrites.Asks(new TreeSet<>(Set.of("monitoring.coreos.com/v1", "x/v1/Y")), true));

        var back = RenderCache.decode(RenderCache.encode(rendered));

        assertThat(back.parts()).isEqualTo(rendered.parts());
        assertThat(back.defaultValues()).isEqualTo(rendered.defaultValues());
        assertThat(back.asks()).isEqualTo(rendered.asks());
        assertThat(back.chart() + " " + back.version()).isEqualTo("web 1.0.0");
    }

    @Test
    void aSecondRenderWithTheSameInputsIsReadFromDiskAndOtherValuesRenderAgain() throws IOException {
        Path chart = TestCharts.chart("web", "1.0.0").values("count: 1\n")
                .file("templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\ndata: {count: \"{{ .Values.count }}\"}\n").pack(dir);
        RenderCache cache = new RenderCache(dir.resolve("renders"));
        HelmTemplate helm = new HelmTemplate(Optional.of(cache));
        Path one = Files.writeString(dir.resolve("one.yaml"), "count: 1\n");
        Path two = Files.writeString(dir.resolve("two.yaml"), "count: 2\n");
        var request = new HelmTemplate.Request("web", "apps", "v1.34.0", Set.of(), List.of(one), Optional.empty());

        String first = helm.render(chart, request).parts().get(0).yaml();
        String key = RenderCache.key(chart, request);
        Path entry = cache.root().resolve(key + ".render");
        assertThat(entry).exists();
        // the entry is what a second render returns: mark it (same length) and see the mark come back
        Files.writeString(entry, Files.readString(entry).replace("count: \"1\"", "count: \"9\""));
        assertThat(helm.render(chart, request).parts().get(0).yaml()).contains("count: \"9\"");
        assertThat(first).contains("count: \"1\"");

        var other = new HelmTemplate.Request("web", "apps", "v1.34.0", Set.of(), List.of(two), Optional.empty());
        assertThat(RenderCache.key(chart, other)).isNotEqualTo(key);
        assertThat(helm.render(chart, other).parts().get(0).yaml()).contains("count: \"2\"");
    }

    @Test
    void aDamagedEntryIsRenderedAgain() throws IOException {
        Path chart = TestCharts.chart("web", "1.0.0")
                .file("templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n").pack(dir);
        RenderCache cache = new RenderCache(dir.resolve("renders"));
        HelmTemplate helm = new HelmTemplate(Optional.of(cache));
        var request = new HelmTemplate.Request("web", "apps", "v1.34.0", Set.of(), List.of(), Optional.empty());
        helm.render(chart, request);
        Path entry = cache.root().resolve(RenderCache.key(chart, request) + ".render");
        String whole = Files.readString(entry);
        Files.writeString(entry, whole.substring(0, whole.length() / 2));

        assertThat(helm.render(chart, request).parts()).singleElement().satisfies(p -> assertThat(p.yaml()).contains("name: web"));
    }
}
