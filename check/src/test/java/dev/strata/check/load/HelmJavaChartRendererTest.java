package dev.strata.check.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.check.CheckEngine;
import dev.strata.check.CheckReport;
import dev.strata.check.Finding;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Renders a real chart in-process with helm-java (no process, no network). */
class HelmJavaChartRendererTest {

    private static Path tree() throws URISyntaxException {
        return Path.of(HelmJavaChartRendererTest.class.getResource("/trees/helm").toURI());
    }

    @Test
    void rendersWithReleaseNamespaceAndValuesFiles() throws URISyntaxException {
        Path chart = tree().resolve("charts/web");
        ChartRenderer.Result result = new HelmJavaChartRenderer().render(chart, new ChartRenderer.Request("shop", "prod",
                List.of(chart.resolve("values-prod.yaml")), Optional.of("{\"image\": \"nginx:1.28\"}"), "v1.34.0", java.util.Set.of()));
        assertThat(result).isInstanceOfSatisfying(ChartRenderer.Rendered.class, r -> {
            assertThat(r.parts()).extracting(ChartRenderer.Part::source).contains("web/templates/deployment.yaml");
            assertThat(String.join("", r.parts().stream().map(ChartRenderer.Part::yaml).toList()))
                    .contains("name: shop").contains("namespace: prod").contains("replicas: 3").contains("image: nginx:1.28");
        });
    }

    @Test
    void brokenChartIsAFailureNotAnException() throws URISyntaxException {
        ChartRenderer.Result result = new HelmJavaChartRenderer().render(tree().resolve("charts"),
                ChartRenderer.Request.defaults(tree().resolve("charts"), "v1.34.0"));
        assertThat(result).isInstanceOf(ChartRenderer.Failed.class);
    }

    @Test
    void engineChecksRenderedTemplatesAndPointsAtTheTemplateFile() throws URISyntaxException {
        CheckReport report = CheckEngine.builder().baseDir(tree()).rules(List.of("dangling-service"))
                .kustomizer(d -> new Kustomizer.Unavailable("test")).build().check(List.of(tree()));
        assertThat(report.findings()).extracting(Finding::file, Finding::line, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("charts/web/templates/service.yaml", 1,
                        "selector app=webx matches no pod template"));
    }
}
