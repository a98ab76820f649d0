package dev.strata.render.gitops;

import dev.strata.render.RenderFixtures;
import dev.strata.render.RenderedTree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationsTest {

    static final Pattern PINNED = Pattern.compile("^v?[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$");

    static List<String> profiles() {
        return RenderFixtures.profiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    @SuppressWarnings("unchecked")
    void everyApplicationPinsItsChartAndPointsAtFilesThatExist(String profile) {
        RenderedTree tree = RenderFixtures.tree(profile);
        List<Map<String, Object>> apps = RenderFixtures.objects(tree, "Application");
        assertThat(apps).isNotEmpty();
        for (Map<String, Object> app : apps) {
            String name = (String) RenderFixtures.at(app, "metadata.name");
            Map<String, Object> spec = (Map<String, Object>) app.get("spec");
            List<Map<String, Object>> sources = spec.containsKey("sources") ? (List<Map<String, Object>>) spec.get("sources")
                    : List.of((Map<String, Object>) spec.get("source"));
            for (Map<String, Object> s : sources) {
                String rev = (String) s.get("targetRevision");
                assertThat(rev).as("%s targetRevision", name).isNotBlank().isNotEqualToIgnoringCase("HEAD");
                if (s.containsKey("chart")) {
                    assertThat(rev).as("%s chart version", name).matches(PINNED);
                    List<String> files = (List<String>) ((Map<String, Object>) s.get("helm")).get("valueFiles");
                    assertThat(files).allSatisfy(f -> assertThat(tree.contains(f.replace("$values/", ""))).as("%s values file %s", name, f).isTrue());
                } else if (s.containsKey("path") && ((String) s.get("repoURL")).contains("strata/")) {
                    String path = (String) s.get("path");
                    assertThat(tree.files().keySet()).as("%s path %s", name, path).anySatisfy(p -> assertThat(p).startsWith(path + "/"));
                }
            }
            Map<String, Object> sync = (Map<String, Object>) spec.get("syncPolicy");
            assertThat(RenderFixtures.at(sync, "automated.prune")).as("%s prune", name).isEqualTo(true);
            assertThat(RenderFixtures.at(sync, "automated.selfHeal")).as("%s selfHeal", name).isEqualTo(true);
            if (!name.equals("root")) { // applied by strata up; every other Application sits in an app-of-apps wave
                assertThat((Map<String, Object>) RenderFixtures.at(app, "metadata.annotations")).as("%s wave", name)
                        .containsKey("argocd.argoproj.io/sync-wave");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void everyApplicationFileSaysWhyItIsInItsWave(String profile) {
        RenderFixtures.tree(profile).files().forEach((path, content) -> {
            if (path.startsWith("argocd/platform/") || path.startsWith("argocd/apps/")) {
                assertThat(content).as(path).startsWith("# ").containsPattern("Sync wave -?[0-9]+: \\S");
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void theArgoCdValuesRestoreTheApplicationHealthCheck(String profile) {
        String values = RenderFixtures.tree(profile).get("bootstrap/argo-cd/values.yaml");
        assertThat(values).contains("resource.customizations.health.argoproj.io_Application");
    }
}
