package dev.strata.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Walks the whole bundled catalog and holds every entry to the rules in the module README. */
class CatalogTest {

    static final Catalog CATALOG = Catalog.bundled();
    static final Pattern UNPINNED = Pattern.compile("(?i).*([\\^~*]|\\bx\\b|\\.x$|latest|head|>|<|\\|\\|| - ).*");

    static Stream<Component> entries() {
        return CATALOG.all().stream();
    }

    @Test
    void everyFileIsListedInTheIndexAndEveryListedFileExists() throws IOException {
        Path dir = Path.of("src/main/resources/dev/strata/catalog/components");
        Set<String> files = new HashSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).forEach(n -> files.add(n.replace(".yaml", "")));
        }
        assertThat(new HashSet<>(Catalog.readIndex())).isEqualTo(files);
    }

    @Test
    void theCatalogNamesEveryComponentTheSeedsName() {
        assertThat(CATALOG.ids()).contains(
                "kind", "talos", "cilium", "metallb", "external-dns", "coredns", "istio", "istio-gateway", "linkerd",
                "gateway-api", "kong", "argo-cd", "argo-rollouts", "gitea", "kube-prometheus-stack", "loki", "tempo", "alloy",
                "jaeger", "metrics-server", "cert-manager", "kyverno", "gatekeeper", "falco", "vault", "sealed-secrets",
                "sops-age", "external-secrets", "longhorn", "velero", "tekton", "harbor", "backstage", "karpenter");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void versionsArePinnedAndTheirSourceIsRecorded(Component c) {
        assertThat(c.releases().isEmpty() && c.tools().isEmpty() && c.clusterWorkloads().isEmpty())
                .as("%s installs, drives or counts something", c.id()).isFalse();
        for (Release r : c.releases()) {
            Source s = r.source();
            assertThat(s.version()).as("%s/%s version", c.id(), r.name()).isNotBlank().doesNotMatch(UNPINNED);
            assertThat(s.confirmedFrom()).as("%s/%s confirmedFrom", c.id(), r.name()).isNotBlank();
            assertThat(s.confirmedOn()).as("%s/%s confirmedOn", c.id(), r.name()).isNotNull();
            assertThat(s.type()).as("%s/%s source type", c.id(), r.name()).isIn("helm", "git");
            if (s.helm()) {
                assertThat(s.chart()).as("%s/%s chart", c.id(), r.name()).isPresent();
                assertThat(s.repository()).as("%s/%s repository", c.id(), r.name()).matches("^(https://|oci://).+");
            } else {
                assertThat(s.path()).as("%s/%s path", c.id(), r.name()).isPresent();
            }
        }
        for (Tool t : c.tools()) {
            assertThat(t.version()).as("%s tool %s", c.id(), t.name()).isNotBlank().doesNotMatch(UNPINNED);
            assertThat(t.confirmedFrom()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void everyContainerOfEveryWorkloadIsBoundedWithRequestsAndLimits(Component c) {
        List<String> unbounded = new ArrayList<>();
        for (Release r : c.releases()) {
            for (Workload w : r.workloads()) {
                assertThat(w.containers()).as("%s/%s has containers", r.name(), w.name()).isNotEmpty();
                for (Container k : w.containers()) {
                    String where = r.name() + "/" + w.name() + "/" + k.name();
                    if (!k.requests().complete() || !k.limits().complete()) {
                        unbounded.add(where + " requests " + k.requests() + " limits " + k.limits());
                    } else if (k.requests().cpu().compareTo(k.limits().cpu()) > 0 || k.requests().memory().compareTo(k.limits().memory()) > 0) {
                        unbounded.add(where + " requests " + k.requests() + " above limits " + k.limits());
                    }
                }
                if (w.kind() == WorkloadKind.DaemonSet) {
                    assertThat(w.replicas()).as("%s/%s: a DaemonSet has no replica count", r.name(), w.name()).isEmpty();
                }
            }
        }
        c.meshOverhead().forEach((mode, containers) -> containers.forEach(k -> {
            if (!k.requests().complete() || !k.limits().complete()) {
                unbounded.add("meshOverhead." + mode + "/" + k.name());
            }
        }));
        assertThat(unbounded).as("containers of %s without CPU and memory requests and limits", c.id()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void relationsNameExistingEntries(Component c) {
        assertThat(c.dependsOn()).allSatisfy(d -> assertThat(CATALOG.contains(d)).as("%s dependsOn %s", c.id(), d).isTrue());
        assertThat(c.conflicts()).allSatisfy(x -> {
            assertThat(CATALOG.contains(x.id())).as("%s conflicts with %s", c.id(), x.id()).isTrue();
            assertThat(x.reason()).as("%s conflict reason", c.id()).isNotBlank();
        });
        assertThat(c.dependsOn()).doesNotContain(c.id());
        c.defaultMode().ifPresent(m -> assertThat(c.modes()).contains(m));
        for (Release r : c.releases()) {
            assertThat(c.modes()).as("%s/%s modes", c.id(), r.name()).containsAll(r.modes());
            assertThat(c.modes()).containsAll(r.valuesByMode().keySet());
        }
        assertThat(c.modes()).containsAll(c.meshOverhead().keySet().stream().filter(m -> !c.modes().isEmpty()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void everyPodSecurityLevelIsAStandardLevelWithAReason(Component c) {
        List<PodSecurity> all = new ArrayList<>();
        c.podSecurity().ifPresent(all::add);
        all.addAll(c.podSecurityByMode().values());
        all.addAll(c.meshPodSecurity().values());
        assertThat(all).allSatisfy(p -> {
            assertThat(p.level()).as("%s pod security level", c.id()).isIn("restricted", "baseline", "privileged");
            assertThat(p.reason()).as("%s pod security reason", c.id()).isNotBlank();
        });
        assertThat(c.modes()).as("%s podSecurityByMode keys are its modes", c.id()).containsAll(c.podSecurityByMode().keySet());
        assertThat(c.meshOverhead().keySet()).as("%s meshPodSecurity keys are meshOverhead keys", c.id())
                .containsAll(c.meshPodSecurity().keySet());
    }

    @Test
    void entriesWhosePodsTouchTheHostAreMarkedPrivileged() {
        // Spot checks against the charts: host namespaces, hostPath, host ports or added capabilities.
        for (String id : List.of("falco", "kube-prometheus-stack", "longhorn", "metallb", "istio-gateway", "linkerd")) {
            assertThat(CATALOG.get(id).podSecurityIn(java.util.Optional.empty()).level()).as(id).isEqualTo("privileged");
        }
        assertThat(CATALOG.get("istio").podSecurityIn(java.util.Optional.of("ambient")).level()).isEqualTo("privileged");
        // istio-cni runs in sidecar mode too (so app pods need no privileged istio-init)
        assertThat(CATALOG.get("istio").podSecurityIn(java.util.Optional.of("sidecar")).level()).isEqualTo("privileged");
        assertThat(CATALOG.get("istio").meshPodSecurity()).as("istio's injected containers fit restricted").isEmpty();
        assertThat(CATALOG.get("cert-manager").podSecurityIn(java.util.Optional.empty())).isEqualTo(PodSecurity.DEFAULT);
    }

    @Test
    void anUnknownPodSecurityLevelIsRefusedWithTheKnownOnes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PodSecurity("root", "because"))
                .hasMessage("\"root\" is not a pod security level; known: restricted, baseline, privileged");
    }

    @Test
    void releaseNamesAreUniqueAcrossTheCatalog() {
        Map<String, String> seen = new HashMap<>();
        for (Component c : CATALOG.all()) {
            for (Release r : c.releases()) {
                assertThat(seen.put(r.name(), c.id())).as("release %s defined by %s and %s", r.name(), seen.get(r.name()), c.id()).isNull();
            }
        }
    }

    @Test
    void theDependencyGraphHasNoCycle() {
        Map<String, Integer> state = new HashMap<>();
        for (Component c : CATALOG.all()) {
            assertThat(cycleFrom(c.id(), state, new ArrayList<>())).as("cycle through %s", c.id()).isEmpty();
        }
    }

    private static List<String> cycleFrom(String id, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(id);
        if (s != null && s == 2) {
            return List.of();
        }
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            return cycle;
        }
        state.put(id, 1);
        path.add(id);
        for (String d : CATALOG.get(id).dependsOn()) {
            List<String> c = cycleFrom(d, state, path);
            if (!c.isEmpty()) {
                return c;
            }
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
        return List.of();
    }

    @Test
    void aBrokenEntryIsReportedWithItsIdAndPath() {
        String broken = """
                id: demo
                layer: network
                releases:
                  - name: demo
                    source: {type: helm, repository: https://example.org, chart: demo, version: 1.0.0, confirmedFrom: x, confirmedOn: 2026-11-27}
                    workloads:
                      - name: demo
                        kind: Deployment
                        containers:
                          - {name: demo, requests: {cpu: 10m, memory: 4Gb}}
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Catalog.mapper().readValue(broken, Component.class))
                .hasMessageContaining("\"4Gb\" is not a quantity");
    }
}
