package dev.strata.check.load.argo;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ApplicationSet expansion against the parameters and rendering the controller uses (argo-cd
 * v3.4.7 applicationset/generators and utils, their tests' own examples).
 */
class ApplicationSetsTest {

    /** A repository of a few files and directories (hidden ones included, to be left out). */
    private static final ApplicationSets.Repo REPO = new ApplicationSets.Repo() {
        @Override
        public List<String> directories() {
            return List.of(".github", "apps", "apps/a", "apps/b", "apps/b/sub", "cluster-config", "cluster-config/production");
        }

        @Override
        public List<String> files() {
            return List.of("cluster-config/production/config.json", "cluster-config/staging/config.json");
        }

        @Override
        public Optional<String> read(String relative) {
            return Optional.of(relative.contains("production")
                    ? "{\"cluster\":{\"owner\":\"john.doe@example.com\",\"name\":\"production\"},\"key1\":\"val1\",\"key3\":123}"
                    : "{\"cluster\":{\"owner\":\"ops@example.com\",\"name\":\"staging\"},\"key1\":\"val2\",\"key3\":7}");
        }

        @Override
        public List<Map<String, Object>> clusterSecrets() {
            return List.of(Map.of("name", "Prod_East", "server", "https://10.0.0.1", "labels", Map.of("env", "prod"), "annotations", Map.of()));
        }
    };

    private static Map<String, Object> read(String yaml) {
        return ApplicationSets.map(PlainYaml.read(yaml));
    }

    @Test
    void gitDirectoriesGiveThePathParametersWithStarsStoppingAtSlashesAndHiddenOnesLeftOut() {
        var params = ApplicationSets.gitParams(read("directories: [{path: 'apps/*'}, {path: apps/b, exclude: true}]"), REPO, false);
        assertThat(params).singleElement().isEqualTo(Map.of("path", "apps/a", "path.basename", "a", "path.basenameNormalized", "a",
                "path[0]", "apps", "path[1]", "a"));
    }

    @Test
    void gitFilesFlattenTheContentAndAddThePathOfTheFilesDirectory() {
        var params = ApplicationSets.gitParams(read("files: [{path: 'cluster-config/**/config.json'}]"), REPO, false);
        assertThat(params.getFirst()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("cluster.owner", "john.doe@example.com"), Map.entry("cluster.name", "production"), Map.entry("key1", "val1"),
                Map.entry("key3", "123"), Map.entry("path", "cluster-config/production"), Map.entry("path.basename", "production"),
                Map.entry("path.basenameNormalized", "production"), Map.entry("path.filename", "config.json"),
                Map.entry("path.filenameNormalized", "config.json"), Map.entry("path[0]", "cluster-config"), Map.entry("path[1]", "production")));
        assertThat(params).hasSize(2);
    }

    @Test
    void clustersGiveEachSecretWithItsNormalizedNameAndTheLocalClusterLastUnlessASelectorIsSet() {
        var all = ApplicationSets.clusterParams(read("{}"), REPO, false);
        assertThat(all).extracting(p -> p.get("name") + " " + p.get("nameNormalized") + " " + p.get("server"))
                .containsExactly("Prod_East prod-east https://10.0.0.1", "in-cluster in-cluster https://kubernetes.default.svc");
        assertThat(all.getFirst()).containsEntry("metadata.labels.env", "prod");
        assertThat(ApplicationSets.clusterParams(read("selector: {matchLabels: {env: prod}}"), REPO, false)).hasSize(1);
    }

    @Test
    void fasttemplateLeavesUnknownKeysAndGoTemplatesReadNestedParametersThroughFunctions() {
        var flat = new ApplicationSets.Template(false, false);
        assertThat(flat.renderString("{{ path.basename }}-{{unknown}}", Map.of("path.basename", "web"))).isEqualTo("web-{{unknown}}");
        var go = new ApplicationSets.Template(true, false);
        Map<String, Object> p = Map.of("path", Map.of("basename", "Web_App", "segments", List.of("apps", "Web_App")));
        assertThat(go.renderString("{{ .path.basename | lower }}/{{ index .path.segments 0 }}/{{ .path.basename | normalize }}", p))
                .isEqualTo("web_app/apps/web-app");
        assertThat(go.renderString("{{ .missing }}", p)).isEqualTo("<no value>");
    }

    @Test
    void aMatrixRendersTheSecondGeneratorWithTheFirstsParametersAndAMergeKeepsOnlyTheFirstsSets() {
        var matrix = ApplicationSets.matrix(read("""
                generators:
                  - git: {directories: [{path: 'apps/*'}]}
                  - list: {elements: [{env: dev, dir: "{{path.basename}}"}]}
                """), REPO, false, new ApplicationSets.Template(false, false));
        assertThat(matrix).extracting(m -> m.get("path") + " " + m.get("env") + " " + m.get("dir")).containsExactly("apps/a dev a", "apps/b dev b");

        var merged = ApplicationSets.merge(read("""
                mergeKeys: [name]
                generators:
                  - list: {elements: [{name: a, size: small}, {name: b, size: small}]}
                  - list: {elements: [{name: b, size: large}, {name: c, size: huge}]}
                """), REPO, false, new ApplicationSets.Template(false, false));
        assertThat(merged).extracting(m -> m.get("name") + "=" + m.get("size")).containsExactly("a=small", "b=large");
    }

    @Test
    void theTemplateIsRenderedPerParameterSetWithTheGeneratorsTemplateWinningAndTheNamespaceForced() {
        var generated = ApplicationSets.expand(read("""
                metadata: {name: apps, namespace: argocd}
                spec:
                  generators:
                    - git:
                        directories: [{path: 'apps/*'}]
                        template: {metadata: {labels: {from: generator}}}
                  template:
                    metadata: {name: "app-{{path.basename}}", namespace: elsewhere, labels: {team: platform}}
                    spec:
                      project: default
                      source: {repoURL: https://git.example.org/lab.git, path: "{{path}}"}
                      destination: {server: https://kubernetes.default.svc, namespace: "{{path.basename}}"}
                """), REPO);
        assertThat(generated.notGenerated()).isEmpty();
        assertThat(generated.applications()).extracting(a -> ApplicationSets.map(a.get("metadata")).get("name")).containsExactly("app-a", "app-b");
        Map<String, Object> first = generated.applications().getFirst();
        assertThat(ApplicationSets.map(first.get("metadata"))).containsEntry("namespace", "argocd")
                .containsEntry("labels", Map.of("team", "platform", "from", "generator"));
        assertThat(ApplicationSets.map(ApplicationSets.map(first.get("spec")).get("source"))).containsEntry("path", "apps/a");
        assertThat(first).containsEntry("kind", "Application");
    }

    @Test
    void aFileAGeneratorReadsIsBoundedLikeEveryFileOfTheTreeNotAStackOverflow() {
        String deep = "[".repeat(20_000) + "]".repeat(20_000);
        assertThatThrownBy(() -> PlainYaml.read(deep)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not YAML: line 1").hasMessageContaining("nesting deeper than 100 levels");
    }

    @Test
    void anInvalidGeneratorFailsTheWholeApplicationSetAsInArgoCdSoNothingIsGenerated() {
        var generated = ApplicationSets.expand(read("""
                metadata: {name: apps, namespace: argocd}
                spec:
                  generators:
                    - list: {elements: [{name: web}]}
                    - matrix: {generators: [{list: {elements: [{env: dev}]}}]}
                  template:
                    metadata: {name: "{{name}}"}
                    spec: {project: default, destination: {namespace: "{{name}}"}}
                """), REPO);
        assertThat(generated.applications()).isEmpty();
        assertThat(generated.notGenerated()).containsExactly("matrix generator needs exactly 2 child generators, has 1;"
                + " Argo CD refuses the whole ApplicationSet, so none of its Applications is generated");
    }

    @Test
    void whatCannotBeEvaluatedOfflineIsSaidNotGuessed() {
        var generated = ApplicationSets.expand(read("""
                metadata: {name: prs, namespace: argocd}
                spec:
                  goTemplate: true
                  generators:
                    - pullRequest: {github: {owner: o, repo: r}}
                    - list: {elements: [{name: a}]}
                  template:
                    metadata: {name: "{{ if .name }}x{{ end }}"}
                    spec: {project: default}
                """), REPO);
        assertThat(generated.applications()).isEmpty();
        assertThat(generated.notGenerated()).containsExactly(
                "generator pullRequest is not evaluated offline (it asks a service Strata cannot reach)",
                "template action if is not evaluated");
    }
}
