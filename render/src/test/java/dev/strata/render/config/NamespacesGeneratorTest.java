package dev.strata.render.config;

import dev.strata.catalog.PodSecurity;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.facts.MeshMode;
import dev.strata.spec.AppEnvironment;
import dev.strata.spec.AppSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class NamespacesGeneratorTest {

    static final String PSA = "pod-security.kubernetes.io/";
    static final String AMBIENT = "istio.io/dataplane-mode";
    static final String SIDECAR = "istio-injection";
    static final String LINKERD = "linkerd.io/inject";

    static List<Profiles.Rendered> profiles() {
        return Profiles.all();
    }

    static Map<String, Parsed> namespaces(Profiles.Rendered r) {
        return Parsed.of(r, "platform/namespaces/").stream().collect(Collectors.toMap(Parsed::name, Function.identity()));
    }

    static List<String> appNamespaces(Profiles.Rendered r) {
        List<String> out = new ArrayList<>();
        for (AppSpec a : r.ctx().spec().apps()) {
            for (AppEnvironment e : a.environments()) {
                out.add(e.name() + "-" + a.name());
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void everyAppNamespaceIsEnrolledOnceInTheMeshTheProfileRuns(Profiles.Rendered r) {
        Map<String, Parsed> ns = namespaces(r);
        MeshMode mode = r.ctx().facts().meshMode();
        assertThat(appNamespaces(r)).isNotEmpty();
        for (String app : appNamespaces(r)) {
            Parsed n = ns.get(app);
            assertThat(n).as("%s: namespace %s rendered", r, app).isNotNull();
            List<String> enrolments = new ArrayList<>();
            if (n.labels().containsKey(AMBIENT)) {
                enrolments.add(AMBIENT + "=" + n.labels().get(AMBIENT));
            }
            if (n.labels().containsKey(SIDECAR)) {
                enrolments.add(SIDECAR + "=" + n.labels().get(SIDECAR));
            }
            if (n.annotations().containsKey(LINKERD) || n.labels().containsKey(LINKERD)) {
                enrolments.add(LINKERD + "=" + n.annotations().get(LINKERD));
            }
            List<String> expected = switch (mode) {
                case ISTIO_AMBIENT -> List.of(AMBIENT + "=ambient");
                case ISTIO_SIDECAR -> List.of(SIDECAR + "=enabled");
                case LINKERD -> List.of(LINKERD + "=enabled");
                case NONE -> List.of();
            };
            assertThat(enrolments).as("%s: mesh enrolment of %s in mode %s", r, app, mode).isEqualTo(expected);
            assertThat(n.labels()).as("%s: %s may attach routes to the gateway", r, app).containsEntry("strata.dev/gateway-access", "true");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void appNamespacesEnforceRestrictedUnlessTheMeshInjectsAPrivilegedContainer(Profiles.Rendered r) {
        MeshMode mode = r.ctx().facts().meshMode();
        for (String app : appNamespaces(r)) {
            Map<String, String> l = namespaces(r).get(app).labels();
            assertThat(l).as("%s: %s warn/audit", r, app)
                    .containsEntry(PSA + "warn", "restricted").containsEntry(PSA + "audit", "restricted")
                    .containsEntry(PSA + "enforce-version", "v1.34");
            String expected = switch (mode) {
                // sidecar mode runs istio-cni, so the injected init container is istio-validation (UID 1337, no capabilities)
                case ISTIO_AMBIENT, ISTIO_SIDECAR, NONE -> "restricted";
                // linkerd-init adds NET_ADMIN/NET_RAW: refused by baseline and restricted.
                case LINKERD -> "privileged";
            };
            assertThat(l.get(PSA + "enforce")).as("%s: %s enforce in mesh mode %s", r, app, mode).isEqualTo(expected);
        }
        if (mode == MeshMode.LINKERD) {
            String file = r.tree().get("platform/namespaces/namespace-" + appNamespaces(r).getFirst() + ".yaml");
            assertThat(file).as("the looser level says who needs it").contains("# privileged, not restricted: needed by");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void noNamespaceIsInBothAmbientAndSidecarMode(Profiles.Rendered r) {
        for (Parsed n : namespaces(r).values()) {
            assertThat(n.labels().containsKey(AMBIENT) && n.labels().containsKey(SIDECAR)).as("%s: %s", r, n.name()).isFalse();
            assertThat(n.labels().containsKey(SIDECAR) && n.annotations().containsKey(LINKERD)).as("%s: %s", r, n.name()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void namespacesKubernetesCreatesItselfAreNeverRendered(Profiles.Rendered r) {
        assertThat(namespaces(r).keySet()).doesNotContain("kube-system", "kube-public", "default", "kube-node-lease");
        assertThat(namespaces(r).keySet()).as("every other platform namespace is rendered")
                .containsAll(r.ctx().facts().platformNamespaces().keySet().stream().filter(n -> !n.equals("kube-system")).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void everyPlatformNamespaceEnforcesTheLoosestLevelItsComponentsNeed(Profiles.Rendered r) {
        for (var e : r.ctx().facts().platformNamespaces().entrySet()) {
            if (e.getKey().equals("kube-system")) {
                continue;
            }
            PodSecurity loosest = PodSecurity.DEFAULT;
            for (String id : e.getValue()) {
                ResolvedComponent rc = r.ctx().facts().component(id).orElseThrow();
                PodSecurity p = rc.entry().podSecurityIn(rc.mode());
                if (p.rank() > loosest.rank()) {
                    loosest = p;
                }
            }
            Map<String, String> l = namespaces(r).get(e.getKey()).labels();
            assertThat(l.get(PSA + "enforce")).as("%s: %s (%s)", r, e.getKey(), e.getValue()).isEqualTo(loosest.level());
            assertThat(l).containsEntry(PSA + "warn", "restricted").containsEntry(PSA + "audit", "restricted");
            if (!loosest.level().equals("restricted")) {
                assertThat(r.tree().get("platform/namespaces/namespace-" + e.getKey() + ".yaml")).as("%s: %s says why", r, e.getKey())
                        .contains(loosest.reason());
            }
        }
    }

    @Test
    void levelsFollowWhatThePodsDoOnTheHost() {
        assertThat(level("kind-lab", "monitoring")).as("node-exporter: hostNetwork, hostPID, hostPath").isEqualTo("privileged");
        assertThat(level("kind-lab", "istio-system")).as("istio-cni node agent, sidecar mode").isEqualTo("privileged");
        assertThat(level("talos-ambient", "istio-system")).as("istio-cni and ztunnel in ambient mode").isEqualTo("privileged");
        assertThat(level("kind-lab", "istio-ingress")).as("hostPort 80/443").isEqualTo("privileged");
        assertThat(level("kind-lab", "cert-manager")).isEqualTo("restricted");
        assertThat(level("kind-full", "falco")).isEqualTo("privileged");
        assertThat(level("cell", "linkerd")).as("linkerd-init in control-plane pods").isEqualTo("privileged");
        assertThat(level("kind-full", "kyverno")).isEqualTo("restricted");
        assertThat(namespaces(Profiles.render("kind-full")).get("gatekeeper-system").labels())
                .as("Gatekeeper's own webhook must skip its namespace").containsEntry("admission.gatekeeper.sh/ignore", "no-self-managing");
    }

    @Test
    void theMonitoringNamespaceJoinsTheAmbientMeshOnlyInAmbientMode() {
        assertThat(namespaces(Profiles.render("kind-lab")).get("monitoring").labels()).doesNotContainKeys(AMBIENT, SIDECAR);
        Profiles.Rendered ambient = Variants.ambientWithMonitoring();
        Parsed monitoring = namespaces(ambient).get("monitoring");
        assertThat(monitoring.labels()).containsEntry(AMBIENT, "ambient").doesNotContainKey(SIDECAR);
        assertThat(ambient.tree().get("platform/namespaces/namespace-monitoring.yaml")).contains("through ztunnel");
    }

    private static String level(String profile, String namespace) {
        return namespaces(Profiles.render(profile)).get(namespace).labels().get(PSA + "enforce");
    }
}
