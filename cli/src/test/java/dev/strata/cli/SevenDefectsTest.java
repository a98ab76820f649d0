package dev.strata.cli;

import dev.strata.charts.ChartCache;
import dev.strata.charts.TestCharts;
import dev.strata.plan.Plan;
import dev.strata.plan.PlannedRelease;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.PodCategory;
import dev.strata.plan.capacity.Scenario;
import dev.strata.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seven defects of issue #10, each on a reduced platform: rendered by Strata, checked deep with a
 * small chart that behaves as the upstream one does where the defect lived, quiet as Strata now
 * renders it, and firing on the tree as it was rendered before the fix.
 */
class SevenDefectsTest {

    @TempDir
    Path dir;

    /** A platform of a few components on kind, rendered; stand-in charts go straight into its cache. */
    private final class Reduced {
        final Path tree = dir.resolve("lab");
        final ChartCache cache = new ChartCache(dir.resolve("cache"));
        final Plan plan;

        Reduced(String components) throws IOException {
            Files.createDirectories(tree);
            String spec = """
                    apiVersion: strata.dev/v1alpha1
                    kind: Platform
                    metadata: {name: red}
                    spec:
                      cluster:
                        provider: kind
                        kubernetesVersion: v1.34.11
                        nodes:
                          - {name: control-plane, role: control-plane, capacity: {cpu: "2", memory: 4Gi}}
                          - {name: worker, role: worker, tier: platform, capacity: {cpu: "4", memory: 8Gi}}
                      components:
                    %s""".formatted(components.indent(4));
            Files.writeString(tree.resolve("platform.yaml"), spec);
            plan = Planner.bundled().plan(SpecLoader.bundled().parse("platform.yaml", spec), Scenario.REPLICAS);
            Cli r = Cli.run("render", "-f", tree.resolve("platform.yaml").toString());
            assertThat(r.exit()).as(r.err()).isZero();
        }

        /** Packs a chart standing in for the release's and puts it in the cache under the release's pinned reference. */
        Reduced standIn(String release, String values, String template) {
            PlannedRelease pr = plan.release(release).orElseThrow();
            TestCharts chart = TestCharts.chart(pr.source().chart().orElseThrow(), pr.source().version()).values(values)
                    .file("templates/standin.yaml", template);
            try {
                cache.put(pr.chart(), chart.pack(Files.createDirectories(dir.resolve("archives"))));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return this;
        }

        Cli deep() {
            return Cli.run("check", "--deep", "--cache", cache.root().toString(), tree.toString());
        }

        String read(String file) throws IOException {
            return Files.readString(tree.resolve(file));
        }

        /** Puts back what the file held before the fix. */
        void edit(String file, String regex, String replacement) throws IOException {
            String before = read(file);
            String after = Pattern.compile(regex, Pattern.MULTILINE).matcher(before).replaceAll(replacement);
            assertThat(after).as("the edit applies to " + file).isNotEqualTo(before);
            Files.writeString(tree.resolve(file), after);
        }
    }

    private static String errorsOf(Cli r, String rule) {
        return r.out().lines().filter(l -> l.contains(" error ") || l.contains(": error")).filter(l -> l.contains("[" + rule + "]"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void kongsDatabaseOffStaysAStringThatHelmComparesWithOff() throws IOException {
        // kong/charts 3.4.1 templates compare env.database with "off" (eq): a YAML 1.1 boolean makes Helm fail.
        Reduced lab = new Reduced("gateway-api: {}\nkong: {}").standIn("kong", "env: {database: \"off\"}\n", """
                {{- if eq .Values.env.database "off" }}
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: kong-dbless}
                {{- end }}
                """);
        assertThat(lab.read("platform/ingress/kong/values.yaml")).containsPattern("database: ['\"]off['\"]");
        Cli sound = lab.deep();
        assertThat(sound.out()).doesNotContain("[render-failed]").doesNotContain("[values-type-mismatch]");

        lab.edit("platform/ingress/kong/values.yaml", "database: ['\"]off['\"]", "database: off");
        Cli broken = lab.deep();
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(errorsOf(broken, "render-failed")).contains("incompatible types for comparison: bool and string");
    }

    @Test
    void grafanasAdminSecretIsOneUpCreatesSoNothingIsMissing() throws IOException {
        Reduced lab = new Reduced("kube-prometheus-stack: {}").standIn("kube-prometheus-stack", "grafana: {admin: {existingSecret: \"\"}}\n", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: kube-prometheus-stack-grafana}
                spec:
                  selector: {matchLabels: {app: grafana}}
                  template:
                    metadata: {labels: {app: grafana}}
                    spec:
                      containers:
                        - name: grafana
                          image: docker.io/grafana/grafana:12.3.0
                          env:
                            - name: GF_SECURITY_ADMIN_USER
                              valueFrom: {secretKeyRef: {name: {{ .Values.grafana.admin.existingSecret }}, key: admin-user}}
                """);
        assertThat(lab.plan.facts().upSecrets()).anySatisfy(e -> assertThat(e.getKey() + "/" + e.getValue().name()).isEqualTo("monitoring/grafana-admin"));
        assertThat(errorsOf(lab.deep(), "missing-secret")).isEmpty();

        lab.edit("platform/observability/kube-prometheus-stack/values.yaml", "existingSecret: grafana-admin", "existingSecret: grafana-credentials");
        assertThat(errorsOf(lab.deep(), "missing-secret")).contains("grafana-credentials");
    }

    @Test
    void istiosWebhookIsRenderedFailSoArgoCdSeesNoDriftWhenIstiodPatchesIt() throws IOException {
        // istio 1.30.3 manifests/charts/base: failurePolicy Ignore unless base.validationFailurePolicy; istiod's
        // webhook controller patches it to Fail at run time (pkg/webhooks/validation/controller).
        Reduced lab = new Reduced("istio: {}").standIn("istio-base", "base: {}\n", """
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingWebhookConfiguration
                metadata:
                  name: istiod-default-validator
                  labels: {istio.io/rev: default}
                webhooks:
                  - name: validation.istio.io
                    failurePolicy: {{ .Values.base.validationFailurePolicy | default "Ignore" }}
                    clientConfig: {service: {name: istiod, namespace: istio-system}}
                    admissionReviewVersions: [v1]
                    sideEffects: None
                """);
        assertThat(errorsOf(lab.deep(), "synced-field-rewritten")).isEmpty();

        lab.edit("platform/mesh/istio-base/values.yaml", "^base:\\n  validationFailurePolicy: Fail\\n", "");
        assertThat(errorsOf(lab.deep(), "synced-field-rewritten")).contains("istiod-default-validator");
    }

    @Test
    void argoRolloutsPluginCopierIsAdmittedByPodSecurityRestricted() throws IOException {
        Reduced lab = new Reduced("gateway-api: {}\nargo-rollouts: {}").standIn("argo-rollouts", "controller: {initContainers: []}\n", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: argo-rollouts}
                spec:
                  selector: {matchLabels: {app: argo-rollouts}}
                  template:
                    metadata: {labels: {app: argo-rollouts}}
                    spec:
                      securityContext: {runAsNonRoot: true}
                      initContainers: {{ toJson .Values.controller.initContainers }}
                      containers:
                        - name: argo-rollouts
                          image: quay.io/argoproj/argo-rollouts:v1.9.0
                          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}
                """);
        assertThat(errorsOf(lab.deep(), "pod-security-admission")).isEmpty();

        lab.edit("platform/delivery/argo-rollouts/values.yaml", "^\\s*seccompProfile:\\n\\s*type: RuntimeDefault\\n", "");
        assertThat(errorsOf(lab.deep(), "pod-security-admission")).contains("copy-gatewayapi-plugin");
    }

    @Test
    void theIstioGatewaysImageAutoIsNotRefusedByDisallowLatestTag() throws IOException {
        // istio 1.30.3 manifests/charts/gateway: image "auto", replaced by the injection webhook at pod creation;
        // Kyverno would auto-generate a Deployment rule from the Pod rule (pkg/autogen) and refuse it first.
        Reduced lab = new Reduced("gateway-api: {}\nistio: {}\nistio-gateway: {}\nkyverno: {}").standIn("istio-ingressgateway", "", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: istio-ingressgateway}
                spec:
                  selector: {matchLabels: {istio: ingressgateway}}
                  template:
                    metadata:
                      labels: {istio: ingressgateway, sidecar.istio.io/inject: "true"}
                      annotations: {inject.istio.io/templates: gateway}
                    spec:
                      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                      containers:
                        - name: istio-proxy
                          image: auto
                          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
                          resources: {requests: {cpu: 10m, memory: 64Mi}, limits: {memory: 256Mi}}
                """);
        String policy = "platform/config/admission-policies/clusterpolicy-disallow-latest-tag.yaml";
        assertThat(lab.read(policy)).contains("pod-policies.kyverno.io/autogen-controllers: none");
        assertThat(errorsOf(lab.deep(), "kyverno-enforce-denied")).doesNotContain("istio-ingressgateway");

        lab.edit(policy, "^.*pod-policies.kyverno.io/autogen-controllers: none\\n", "");
        assertThat(errorsOf(lab.deep(), "kyverno-enforce-denied")).contains("istio-ingressgateway");
    }

    @Test
    void tektonsConfigIsValidAgainstItsOwnCrdBeforeTheOperatorsWebhookExists() throws IOException {
        // tektoncd/operator v0.81.1: TektonConfig's schema requires spec.pruner.disabled; only the operator's
        // defaulting webhook, created later by the webhook pod, would fill it in.
        Reduced lab = new Reduced("tekton: {}").standIn("tekton-operator", "extraObjects: []\n", """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: tektonconfigs.operator.tekton.dev}
                spec:
                  group: operator.tekton.dev
                  names: {kind: TektonConfig, plural: tektonconfigs}
                  scope: Cluster
                  versions:
                    - name: v1alpha1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            spec:
                              type: object
                              x-kubernetes-preserve-unknown-fields: true
                              properties:
                                pruner:
                                  type: object
                                  x-kubernetes-preserve-unknown-fields: true
                                  required: [disabled]
                                  properties:
                                    disabled: {type: boolean}
                {{- range .Values.extraObjects }}
                ---
                {{ toYaml . }}
                {{- end }}
                """);
        assertThat(errorsOf(lab.deep(), "crd-schema-violation")).isEmpty();

        lab.edit("platform/delivery/tekton-operator/values.yaml", "^\\s*disabled: false\\n", "");
        assertThat(errorsOf(lab.deep(), "crd-schema-violation")).contains("TektonConfig").contains("disabled");
    }

    @Test
    void giteaIsPlannedBoundedPlacedAndInstalledOnceWithTheValuesUpUses() throws IOException {
        Reduced lab = new Reduced("metrics-server: {}");
        PlannedRelease gitea = lab.plan.release("gitea").orElseThrow();
        assertThat(gitea.bootstrap()).as("installed by up before Argo CD, then adopted").isTrue();
        assertThat(lab.plan.capacity().nodes()).flatExtracting(n -> n.pods()).filteredOn(p -> p.owner().equals("gitea"))
                .singleElement().satisfies(p -> {
                    assertThat(p.category()).isEqualTo(PodCategory.COMPONENT);
                    assertThat(p.requests().complete()).isTrue();
                    assertThat(p.nodeSelector()).containsEntry("strata.dev/tier", "platform");
                });
        long applications;
        try (var files = Files.walk(lab.tree.resolve("argocd"))) {
            applications = files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return Files.readString(f).contains("chart: gitea");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).count();
        }
        assertThat(applications).as("one Application adopts the release up installed").isEqualTo(1);
        String values = lab.read("platform/gitops/gitea/values.yaml");
        assertThat(values).contains(dev.strata.yaml.Yaml.dump(gitea.values()).strip());
        assertThat(values).contains("ENABLE_PUSH_CREATE_USER: true");
    }

    @Test
    void metallbIsGivenItsPoolAndAdvertisementAndAnInertComponentMustSayWhy() throws IOException {
        Reduced lab = new Reduced("metallb: {}");
        assertThat(lab.read("platform/config/metallb-config/ipaddresspool-lab.yaml")).contains("172.18.255.200-172.18.255.250");
        assertThat(lab.read("platform/config/metallb-config/l2advertisement-lab.yaml")).contains("ipAddressPools:");
        assertThat(errorsOf(lab.deep(), "component-inert")).isEmpty();

        Files.delete(lab.tree.resolve("platform/config/metallb-config/l2advertisement-lab.yaml"));
        assertThat(errorsOf(lab.deep(), "component-inert")).contains("L2Advertisement");
    }
}
