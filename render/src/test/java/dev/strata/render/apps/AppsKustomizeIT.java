package dev.strata.render.apps;

import dev.strata.render.RenderFixtures;
import dev.strata.spec.AppEnvironment;
import dev.strata.spec.AppSpec;
import dev.strata.spec.ExternalService;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.strata.render.RenderFixtures.get;
import static dev.strata.render.RenderFixtures.kind;
import static dev.strata.render.RenderFixtures.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every overlay of every profile built with the real {@code kubectl kustomize}, and the built
 * objects checked the way a cluster would see them.
 */
@SuppressWarnings("unchecked")
class AppsKustomizeIT {

    static final List<String> PROFILES = RenderedApps.PROFILES;

    @TempDir
    Path dir;

    @ParameterizedTest
    @FieldSource("PROFILES")
    void everyOverlayBuildsIntoASecureCompleteApp(String profile) throws Exception {
        assumeTrue(kubectl().isPresent(), "kubectl is not on PATH: the overlays are not built (install kubectl to run this test)");
        RenderedApps r = RenderedApps.of(profile);
        r.writeTo(dir);
        for (AppSpec app : r.spec().apps()) {
            for (AppEnvironment env : app.environments()) {
                List<Map<String, Object>> objects = build(dir.resolve("apps/" + app.name() + "/overlays/" + env.name()));
                String ns = env.name() + "-" + app.name();
                String what = profile + " " + ns;
                assertThat(objects).as(what).allSatisfy(o -> assertThat((Object) get(o, "metadata", "namespace")).isEqualTo(ns));
                assertThat(objects).as(what).extracting(RenderFixtures::kind).doesNotContain("Secret");

                boolean canary = "canary".equals(app.rollout()) && r.ctx().facts().enabled("argo-rollouts");
                Map<String, Object> workload = one(objects, canary ? "Rollout" : "Deployment", app.name());
                assertThat(objects).as(what).extracting(RenderFixtures::kind).doesNotContain(canary ? "Deployment" : "Rollout");
                one(objects, "ServiceAccount", app.name());
                one(objects, "ConfigMap", app.name());
                Map<String, String> podLabels = get(workload, "spec", "template", "metadata", "labels");
                Map<String, Object> pod = get(workload, "spec", "template", "spec");

                // the pod: pinned image, restricted, sized
                assertThat((Object) get(pod, "automountServiceAccountToken")).isEqualTo(false);
                assertThat((Object) get(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
                assertThat((Object) get(pod, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
                for (Map<String, Object> c : (List<Map<String, Object>>) get(pod, "containers")) {
                    assertThat((String) c.get("image")).as(what).isEqualTo(app.image()).doesNotEndWith(":latest").containsPattern(":[^/]+$|@sha256:");
                    Map<String, Object> sc = get(c, "securityContext");
                    assertThat(sc).as(what).containsEntry("allowPrivilegeEscalation", false).containsEntry("readOnlyRootFilesystem", true)
                            .containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 65532);
                    assertThat((List<Object>) get(sc, "capabilities", "drop")).containsExactly("ALL");
                    assertThat((Object) get(sc, "seccompProfile", "type")).isEqualTo("RuntimeDefault");
                    for (String kind : List.of("requests", "limits")) {
                        assertThat((Map<String, Object>) get(c, "resources", kind)).as(what + " " + kind).containsKeys("cpu", "memory");
                    }
                    assertThat((Object) get(c, "livenessProbe", "httpGet", "path")).isEqualTo("/health");
                    assertThat((Object) get(c, "readinessProbe", "httpGet", "path")).isEqualTo("/ready");
                    assertThat((Object) get(c, "ports", "0", "containerPort")).isEqualTo(app.port());
                    assertThat(c.toString()).contains("mountPath=/tmp").contains("-XX:MaxRAMPercentage=60");
                }

                // the Service(s) select the pods
                List<String> services = new ArrayList<>(List.of(app.name()));
                if (canary) {
                    services.add(app.name() + "-canary");
                }
                for (String s : services) {
                    Map<String, Object> svc = one(objects, "Service", s);
                    assertThat((Object) get(svc, "spec", "type")).isEqualTo("ClusterIP");
                    assertThat(podLabels).as(what + " Service " + s).containsAllEntriesOf(get(svc, "spec", "selector"));
                    assertThat((Object) get(svc, "spec", "ports", "0", "name")).isEqualTo("http");
                    assertThat((Object) get(svc, "spec", "ports", "0", "port")).isEqualTo(app.port());
                }
                Map<String, String> workloadSelector = get(workload, "spec", "selector", "matchLabels");
                assertThat(podLabels).containsAllEntriesOf(workloadSelector);

                // HPA and PDB target the workload
                Map<String, Object> hpa = one(objects, "HorizontalPodAutoscaler", app.name());
                assertThat((Object) get(hpa, "spec", "scaleTargetRef", "kind")).isEqualTo(kind(workload));
                assertThat((Object) get(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(name(workload));
                assertThat((Object) get(hpa, "spec", "scaleTargetRef", "apiVersion")).isEqualTo(workload.get("apiVersion"));
                assertThat((Object) get(hpa, "spec", "minReplicas")).isEqualTo(env.replicas());
                assertThat((Object) get(hpa, "spec", "maxReplicas")).isEqualTo(env.maxReplicas());
                assertThat((Map<String, Object>) get(workload, "spec")).doesNotContainKey("replicas");
                Map<String, Object> pdb = one(objects, "PodDisruptionBudget", app.name());
                assertThat(podLabels).containsAllEntriesOf(get(pdb, "spec", "selector", "matchLabels"));
                assertThat((Object) get(pdb, "spec", "maxUnavailable")).isEqualTo(1);

                // default deny, DNS out
                Map<String, Object> deny = one(objects, "NetworkPolicy", "default-deny");
                assertThat((Map<String, Object>) get(deny, "spec", "podSelector")).isEmpty();
                assertThat((List<Object>) get(deny, "spec", "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
                assertThat((Map<String, Object>) get(deny, "spec")).doesNotContainKeys("ingress", "egress");
                Map<String, Object> dns = one(objects, "NetworkPolicy", "allow-dns");
                assertThat((Object) get(dns, "spec", "egress", "0", "to", "0", "podSelector", "matchLabels", "k8s-app")).isEqualTo("kube-dns");
                assertThat((List<Map<String, Object>>) get(dns, "spec", "egress", "0", "ports"))
                        .extracting(p -> p.get("protocol") + "/" + p.get("port")).containsExactlyInAnyOrder("UDP/53", "TCP/53");

                if (r.ctx().facts().meshMode() == dev.strata.plan.facts.MeshMode.ISTIO_AMBIENT) {
                    String ambient = one(objects, "NetworkPolicy", "allow-istio-ambient").toString();
                    assertThat(ambient).contains("port=15008").contains("cidr=169.254.7.127/32");
                }

                // the route, when a gateway exists
                if (r.ctx().facts().enabled("istio-gateway")) {
                    Map<String, Object> route = one(objects, "HTTPRoute", app.name());
                    assertThat((List<Object>) get(route, "spec", "hostnames")).containsExactly(r.ctx().facts().gateway().appHost(app.name(), env.name()));
                    assertThat((Object) get(route, "spec", "parentRefs", "0", "name")).isEqualTo("platform");
                    assertThat((Object) get(route, "spec", "parentRefs", "0", "namespace")).isEqualTo("istio-ingress");
                    assertThat((Object) get(route, "spec", "parentRefs", "0", "sectionName")).isEqualTo("https");
                    List<Map<String, Object>> backends = get(route, "spec", "rules", "0", "backendRefs");
                    assertThat(backends).extracting(b -> b.get("name")).containsExactlyElementsOf(services);
                    assertThat(backends).allSatisfy(b -> assertThat(b.get("port")).isEqualTo(app.port()));
                    assertThat(one(objects, "NetworkPolicy", "allow-from-gateway").toString()).contains("kubernetes.io/metadata.name=istio-ingress");
                    if (canary) {
                        assertThat((Object) get(workload, "spec", "strategy", "canary", "trafficRouting", "plugins",
                                "argoproj-labs/gatewayAPI", "httpRoute")).isEqualTo(name(route));
                    }
                } else {
                    assertThat(objects).extracting(RenderFixtures::kind).doesNotContain("HTTPRoute");
                }

                // external services reach their address
                for (ExternalService x : app.external()) {
                    Map<String, Object> svc = one(objects, "Service", x.name());
                    assertThat((Map<String, Object>) get(svc, "spec")).doesNotContainKey("selector");
                    Map<String, Object> slice = objects.stream()
                            .filter(o -> kind(o).equals("EndpointSlice") && x.name().equals(((Map<?, ?>) get(o, "metadata", "labels")).get("kubernetes.io/service-name")))
                            .findFirst().orElseThrow(() -> new AssertionError("no EndpointSlice for " + x.name()));
                    assertThat((Object) get(slice, "addressType")).isEqualTo("IPv4");
                    assertThat((List<Object>) get(slice, "endpoints", "0", "addresses")).containsExactly(x.address());
                    assertThat((Object) get(slice, "ports", "0", "port")).isEqualTo(x.port());
                }

                one(objects, "ResourceQuota", app.name());
                one(objects, "LimitRange", app.name());
            }
        }
    }

    private static Map<String, Object> one(List<Map<String, Object>> objects, String kind, String name) {
        List<Map<String, Object>> found = objects.stream().filter(o -> kind.equals(kind(o)) && name.equals(name(o))).toList();
        assertThat(found).as(kind + "/" + name).hasSize(1);
        return found.get(0);
    }

    private static List<Map<String, Object>> build(Path overlay) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(kubectl().orElseThrow(), "kustomize", overlay.toString())
                .redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
        assertThat(p.exitValue()).as("kubectl kustomize %s: %s", overlay, err).isZero();
        return RenderFixtures.documents(new String(out, StandardCharsets.UTF_8));
    }

    private static Optional<String> kubectl() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path k = Path.of(d, "kubectl");
            if (Files.isExecutable(k)) {
                return Optional.of(k.toString());
            }
        }
        return Optional.empty();
    }
}
