package dev.strata.check;

import dev.strata.check.load.Kustomizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repository checked from its root, loaded the way Argo CD applies it (reposerver at v3.4.7):
 * directory sources read only their top level unless recurse; the destination namespace given to
 * namespaced objects that have none; a kustomization an Application syncs built for it even when
 * it is also a base; Components built only where included; a base checked on its own when every
 * overlay using it fails; files a kustomization does not list still judged on their own.
 */
class RepositoryLoadingTest {

    @TempDir
    Path root;

    /** Stands in for kustomize: concatenates what resources lists (directories recursively); fails on a missing entry. */
    private final Kustomizer kustomize = new Kustomizer() {
        @Override
        public Result build(Path dir) {
            StringBuilder out = new StringBuilder();
            try {
                for (String line : Files.readAllLines(dir.resolve("kustomization.yaml"))) {
                    String entry = line.strip();
                    if (!entry.startsWith("- ")) {
                        continue;
                    }
                    Path p = dir.resolve(entry.substring(2).strip());
                    if (Files.isDirectory(p)) {
                        Result inner = build(p);
                        if (!(inner instanceof Built b)) {
                            return inner;
                        }
                        out.append(b.yaml()).append("\n---\n");
                    } else if (Files.isRegularFile(p)) {
                        out.append(Files.readString(p)).append("\n---\n");
                    } else {
                        return new Failed("kustomize build " + dir.getFileName() + ": missing resource " + p.getFileName());
                    }
                }
            } catch (IOException e) {
                return new Failed(e.getMessage());
            }
            return new Built(out.toString());
        }
    };

    private Path write(String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    private CheckReport check() throws IOException {
        Files.createDirectories(root.resolve(".git"));
        return CheckEngine.builder().kustomizer(kustomize).baseDir(root).build().check(List.of(root));
    }

    private static List<String> findings(CheckReport r, String rule) {
        return r.findings().stream().filter(f -> f.rule().equals(rule)).map(f -> f.file() + ":" + f.line() + " " + f.message()).toList();
    }

    private static String app(String name, String path, String extraSource) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata: {name: %s, namespace: argocd}
                spec:
                  project: default
                  source:
                    repoURL: https://git.example.org/lab.git
                    targetRevision: main
                    path: %s
                %s
                  destination: {server: https://kubernetes.default.svc, namespace: %s}
                  syncPolicy: {automated: {prune: true, selfHeal: true}}
                """.formatted(name, path, extraSource.indent(4).stripTrailing(), name);
    }

    private static final String CONFIG = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: %s}\ndata: {k: v}\n";

    @Test
    void aDirectorySourceWhoseManifestsAreAllInSubdirectoriesDeploysNothingWithoutRecurse() throws IOException {
        write("apps/web/v1/config.yaml", CONFIG.formatted("web"));
        write("argocd/web.yaml", app("web", "apps/web", ""));
        assertThat(findings(check(), "argo-directory-not-recursive"))
                .containsExactly("argocd/web.yaml:9 Application argocd/web reads apps/web without directory.recurse, and its 1 manifest files are all in subdirectories: it deploys nothing");

        write("argocd/web.yaml", app("web", "apps/web", "directory: {recurse: true}"));
        assertThat(findings(check(), "argo-directory-not-recursive")).isEmpty();
    }

    @Test
    void theDestinationNamespaceGoesToNamespacedObjectsWithoutOne() throws IOException {
        write("apps/api/config.yaml", CONFIG.formatted("api") + "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: api}\n");
        write("argocd/api.yaml", app("api", "apps/api", ""));
        write("other/cm.yaml", CONFIG.formatted("loose"));
        CheckReport r = CheckEngine.builder().kustomizer(kustomize).baseDir(root).rules(List.of("duplicate-object")).build()
                .check(List.of(root));
        // a second ConfigMap api in namespace api: only a duplicate if the destination namespace was applied
        write("apps/api/again.yaml", CONFIG.formatted("api").replace("{name: api}", "{name: api, namespace: api}"));
        CheckReport again = CheckEngine.builder().kustomizer(kustomize).baseDir(root).rules(List.of("duplicate-object")).build()
                .check(List.of(root));
        assertThat(r.findings()).isEmpty();
        assertThat(again.findings()).extracting(Finding::object).extracting(ObjectRef::display).contains("ConfigMap/api/api");
    }

    @Test
    void aKustomizationThatIsBothAnApplicationsPathAndABaseIsBuiltForTheApplication() throws IOException {
        write("apps/base/kustomization.yaml", "resources:\n- config.yaml\n");
        write("apps/base/config.yaml", CONFIG.formatted("shared"));
        write("apps/prod/kustomization.yaml", "resources:\n- ../base\n");
        write("argocd/base.yaml", app("basic", "apps/base", ""));
        CheckReport r = CheckEngine.builder().kustomizer(kustomize).baseDir(root).rules(List.of("duplicate-object")).build()
                .check(List.of(root));
        // built twice (prod as a root, base for the Application), into namespaces "" and basic: no duplicate
        assertThat(r.findings()).isEmpty();
        assertThat(r.summary().objects()).isEqualTo(3); // the Application, ConfigMap shared (prod), ConfigMap shared (basic)
    }

    @Test
    void anUnreferencedComponentIsNotBuiltAsARootAndABaseWhoseOverlaysFailIsCheckedOnItsOwn() throws IOException {
        write("components/labels/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n- missing.yaml\n");
        write("apps/base/kustomization.yaml", "resources:\n- secret.yaml\n");
        write("apps/base/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: app}\nstringData: {password: hunter2}\n");
        write("apps/prod/kustomization.yaml", "resources:\n- ../base\n- gone.yaml\n");
        CheckReport r = check();
        assertThat(findings(r, "render-failed")).singleElement().asString().startsWith("apps/prod/kustomization.yaml:1");
        assertThat(r.skipped()).anySatisfy(s -> assertThat(s.what() + ": " + s.reason())
                .isEqualTo("components/labels: kustomize Component: built as part of the kustomizations that include it"));
        assertThat(r.skipped()).anySatisfy(s -> assertThat(s.reason()).isEqualTo("built on its own: every kustomization using it failed to build"));
        assertThat(findings(r, "plaintext-secret")).as("found from the root as it would be in apps/base").hasSize(1);
    }

    @Test
    void aFileAKustomizationDoesNotListIsJudgedOnItsOwnButIsNotPartOfTheTree() throws IOException {
        write("apps/web/kustomization.yaml", "resources:\n- config.yaml\n");
        write("apps/web/config.yaml", CONFIG.formatted("web").replace("{name: web}", "{name: web, namespace: app}"));
        write("apps/web/old-secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: old, namespace: app}\nstringData: {token: abc}\n"
                + "---\napiVersion: v1\nkind: Service\nmetadata: {name: nothing-behind, namespace: app}\nspec: {selector: {app: ghost}, ports: [{port: 80}]}\n");
        CheckReport r = check();
        assertThat(findings(r, "plaintext-secret")).containsExactly(
                "apps/web/old-secret.yaml:4 secret holds 1 key in plain text (token) (this file is in no kustomization of its directory)");
        assertThat(findings(r, "dangling-service")).as("a cross-resource rule does not judge a file nothing applies").isEmpty();
    }

    @Test
    void kustomizeDeprecationsAreWarnedAtTheirLineWithKustomizesAdvice() throws IOException {
        write("apps/web/kustomization.yaml", "resources:\n- config.yaml\ncommonLabels:\n  team: web\npatchesStrategicMerge:\n- patch.yaml\n");
        write("apps/web/config.yaml", CONFIG.formatted("web"));
        write("apps/web/patch.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\ndata: {k: patched}\n");
        CheckReport r = check();
        assertThat(findings(r, "kustomize-deprecated")).containsExactly(
                "apps/web/kustomization.yaml:3 'commonLabels' is deprecated. Please use 'labels' instead. Run 'kustomize edit fix' to update your Kustomization automatically.",
                "apps/web/kustomization.yaml:5 'patchesStrategicMerge' is deprecated. Please use 'patches' instead. Run 'kustomize edit fix' to update your Kustomization automatically.");
        assertThat(r.findings()).filteredOn(f -> f.file().endsWith("patch.yaml")).as("a listed patch is not an object of its own").isEmpty();
    }

    @Test
    void jsonnetAndPluginSourcesAreSaidNotRendered() throws IOException {
        write("apps/js/main.jsonnet", "{}\n");
        write("argocd/js.yaml", app("js", "apps/js", ""));
        write("apps/plug/values.yaml", "a: 1\n");
        write("argocd/plug.yaml", app("plug", "apps/plug", "plugin: {name: avp}"));
        List<String> unrendered = new ArrayList<>();
        check().skipped().stream().filter(Skipped::unrendered).forEach(s -> unrendered.add(s.what() + ": " + s.reason()));
        assertThat(unrendered).as("both are sources whose objects the summary says were not checked")
                .contains("apps/js/main.jsonnet: jsonnet is not evaluated (Argo CD renders it; Strata does not)",
                        "Application argocd/plug: config management plugin source apps/plug not rendered: Strata cannot run plugins");
    }

    @Test
    void anApplicationSetsGeneratedApplicationsAreCheckedLikeAnyAndOneMissingItsCrdProviderIsFound() throws IOException {
        write("apps/web/certificate.yaml", "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web-tls}\n"
                + "spec: {secretName: web-tls, issuerRef: {name: ca, kind: ClusterIssuer}, dnsNames: [web.example.org]}\n");
        write("apps/api/config.yaml", CONFIG.formatted("api"));
        write("apps/api/crd.yaml", """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: widgets.example.org}
                spec:
                  group: example.org
                  names: {kind: Widget, plural: widgets}
                  scope: Namespaced
                  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
                """); // the tree installs CRDs itself: one it lacks is a gap
        write("argocd/apps.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: ApplicationSet
                metadata: {name: apps, namespace: argocd}
                spec:
                  generators:
                    - git:
                        repoURL: https://git.example.org/lab.git
                        revision: main
                        directories: [{path: 'apps/*'}]
                  template:
                    metadata:
                      name: "{{path.basename}}"
                      annotations: {argocd.argoproj.io/sync-wave: "1"}
                    spec:
                      project: default
                      source: {repoURL: https://git.example.org/lab.git, targetRevision: main, path: "{{path}}"}
                      destination: {server: https://kubernetes.default.svc, namespace: "{{path.basename}}"}
                """);
        CheckReport r = check();
        assertThat(findings(r, "crd-provider-missing")).singleElement().asString()
                .contains("no CRD for Certificate (cert-manager.io)").contains("Application argocd/web fails its first sync");
        assertThat(findings(r, "appset-wave-ignored")).hasSize(2);
        assertThat(findings(r, "argo-app-no-automated-sync")).as("the generated Applications are judged too").hasSize(2);
    }
}
