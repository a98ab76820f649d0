package dev.strata.render.config;

import dev.strata.render.RenderedTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.strata.render.config.Parsed.at;
import static org.assertj.core.api.Assertions.assertThat;

class ConfigBundlesTest {

    static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterIssuer", "ClusterPolicy", "Bundle"); // trust-manager Bundles are cluster-scoped

    static List<Profiles.Rendered> profiles() {
        return Profiles.all();
    }

    static List<Parsed> all(Profiles.Rendered r) {
        return Parsed.of(r, "");
    }

    static Optional<Parsed> find(Profiles.Rendered r, String kind, String name) {
        return all(r).stream().filter(p -> p.kind().equals(kind) && p.name().equals(name)).findFirst();
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> data(Parsed configMap) {
        return (Map<String, String>) configMap.object().get("data");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void everyFileIsOneExplainedObjectNamedAfterItsKindWithItsNamespace(Profiles.Rendered r) {
        assertThat(r.tree().files()).isNotEmpty();
        for (var e : r.tree().files().entrySet()) {
            Parsed p = new Parsed(e.getKey(), Parsed.single(e.getKey(), e.getValue()));
            assertThat(e.getKey()).as("%s: path", r).matches("platform/(namespaces|config/[a-z-]+)/[a-z0-9.-]+\\.yaml");
            assertThat(e.getKey()).as("%s: file name", r).endsWith("/" + p.kind().toLowerCase(Locale.ROOT) + "-" + p.name() + ".yaml");
            assertThat(e.getValue()).as("%s: %s starts with a comment saying why", r, e.getKey()).startsWith("# ");
            assertThat(p.kind()).as("%s: %s", r, e.getKey()).isNotEqualTo("Secret");
            if (CLUSTER_SCOPED.contains(p.kind())) {
                assertThat(p.metadata()).as("%s: %s", r, e.getKey()).doesNotContainKey("namespace");
            } else {
                assertThat(p.metadata().get("namespace")).as("%s: %s has an explicit namespace", r, e.getKey()).isNotNull();
            }
            assertThat(e.getValue()).as("%s: %s", r, e.getKey()).doesNotContain("NodePort").doesNotContain("&id").doesNotContain("*id");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void bundlesAreWrittenExactlyWhenThePlanHasThem(Profiles.Rendered r) {
        for (String bundle : List.of("certificates", "gateway", "mesh-policies", "linkerd-identity", "admission-policies", "observability")) {
            boolean written = r.tree().files().keySet().stream().anyMatch(p -> p.startsWith("platform/config/" + bundle + "/"));
            assertThat(written).as("%s: bundle %s", r, bundle).isEqualTo(r.ctx().hasWaveItem(bundle));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void theGatewayServesHttpsWithTheCertificateCertManagerIssuesAndRedirectsHttp(Profiles.Rendered r) {
        if (!r.ctx().hasWaveItem("gateway")) {
            assertThat(find(r, "Gateway", "platform")).isEmpty();
            return;
        }
        Parsed gw = find(r, "Gateway", "platform").orElseThrow();
        assertThat(gw.metadata().get("namespace")).isEqualTo("istio-ingress");
        assertThat(at(gw.spec(), "gatewayClassName")).isEqualTo("istio");
        assertThat(at(gw.spec(), "addresses")).isEqualTo(List.of(Map.of("type", "Hostname", "value", "istio-ingressgateway.istio-ingress.svc.cluster.local")));
        assertThat(at(gw.spec(), "listeners.0.port")).isEqualTo(80);
        assertThat(at(gw.spec(), "listeners.0.protocol")).isEqualTo("HTTP");
        assertThat(at(gw.spec(), "listeners.1.port")).isEqualTo(443);
        assertThat(at(gw.spec(), "listeners.1.protocol")).isEqualTo("HTTPS");
        assertThat(at(gw.spec(), "listeners.1.allowedRoutes.namespaces.selector.matchLabels"))
                .isEqualTo(Map.of("strata.dev/gateway-access", "true"));
        String secret = (String) at(gw.spec(), "listeners.1.tls.certificateRefs.0.name");

        Parsed cert = all(r).stream().filter(p -> p.kind().equals("Certificate") && secret.equals(at(p.spec(), "secretName")))
                .findFirst().orElseThrow(() -> new AssertionError(r + ": no Certificate writes Secret " + secret));
        assertThat(cert.metadata().get("namespace")).as("same namespace: no ReferenceGrant needed").isEqualTo("istio-ingress");
        String issuer = (String) at(cert.spec(), "issuerRef.name");
        Parsed ca = find(r, "ClusterIssuer", issuer).orElseThrow();
        Parsed caCert = all(r).stream().filter(p -> p.kind().equals("Certificate") && at(ca.spec(), "ca.secretName").equals(at(p.spec(), "secretName")))
                .findFirst().orElseThrow();
        assertThat(at(caCert.spec(), "isCA")).isEqualTo(true);
        assertThat(caCert.metadata().get("namespace")).as("ClusterIssuers read Secrets from cert-manager's namespace").isEqualTo("cert-manager");
        assertThat(at(caCert.spec(), "privateKey.algorithm")).isEqualTo("ECDSA");
        @SuppressWarnings("unchecked")
        List<String> dnsNames = (List<String>) at(cert.spec(), "dnsNames");
        for (var app : r.ctx().spec().apps()) {
            for (var env : app.environments()) {
                String host = r.ctx().facts().gateway().appHost(app.name(), env.name());
                assertThat(dnsNames.stream().anyMatch(d -> d.equals(host) || (d.startsWith("*.") && host.substring(host.indexOf('.')).equals(d.substring(1)))))
                        .as("%s: certificate covers %s", r, host).isTrue();
            }
        }

        Parsed redirect = find(r, "HTTPRoute", "http-to-https").orElseThrow();
        assertThat(at(redirect.spec(), "parentRefs.0.name")).isEqualTo("platform");
        assertThat(at(redirect.spec(), "parentRefs.0.sectionName")).isEqualTo("http");
        assertThat(at(redirect.spec(), "rules.0.filters.0.requestRedirect")).isEqualTo(Map.of("scheme", "https", "statusCode", 301));
        assertThat(find(r, "ReferenceGrant", "platform-gateway-tls")).isEmpty();
    }

    @Test
    void withoutCertManagerTheGatewayServesHttpOnly() {
        Profiles.Rendered r = Variants.withoutCertManager();
        Parsed gw = find(r, "Gateway", "platform").orElseThrow();
        assertThat((List<?>) at(gw.spec(), "listeners")).hasSize(1);
        assertThat(at(gw.spec(), "listeners.0.port")).isEqualTo(80);
        assertThat(find(r, "HTTPRoute", "http-to-https")).as("a redirect to a port nobody serves").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void meshWideMtlsIsStrictExactlyWhereIstioRuns(Profiles.Rendered r) {
        Optional<Parsed> pa = find(r, "PeerAuthentication", "default");
        if (r.ctx().facts().meshMode().istio()) {
            assertThat(pa).as("%s", r).isPresent();
            assertThat(pa.get().metadata().get("namespace")).isEqualTo("istio-system");
            assertThat(at(pa.get().spec(), "mtls.mode")).isEqualTo("STRICT");
            assertThat(pa.get().spec()).doesNotContainKey("selector");
        } else {
            assertThat(pa).as("%s", r).isEmpty();
            assertThat(all(r).stream().filter(p -> p.kind().equals("PeerAuthentication"))).isEmpty();
        }
        Optional<Parsed> telemetry = find(r, "Telemetry", "mesh-default");
        assertThat(telemetry.isPresent()).as("%s: tracing to Tempo", r).isEqualTo(r.ctx().facts().meshMode().istio() && r.ctx().facts().enabled("tempo"));
        telemetry.ifPresent(t -> assertThat(at(t.spec(), "tracing.0.providers.0.name")).isEqualTo(MeshPoliciesGenerator.TEMPO_PROVIDER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void kyvernoPoliciesEnforceAndNeverExemptAnAppNamespace(Profiles.Rendered r) {
        List<Parsed> policies = all(r).stream().filter(p -> p.kind().equals("ClusterPolicy")).toList();
        if (!r.ctx().facts().enabled("kyverno")) {
            assertThat(policies).isEmpty();
            return;
        }
        assertThat(policies).extracting(Parsed::name).containsExactlyInAnyOrder("require-run-as-non-root",
                "disallow-privilege-escalation", "disallow-latest-tag", "require-requests-limits", "require-probes");
        List<String> apps = NamespacesGeneratorTest.appNamespaces(r);
        Set<String> platform = r.ctx().facts().platformNamespaces().keySet();
        for (Parsed p : policies) {
            assertThat(p.spec()).as("%s: %s", r, p.name()).containsEntry("background", true).doesNotContainKey("validationFailureAction");
            List<?> rules = (List<?>) p.spec().get("rules");
            assertThat(rules).isNotEmpty();
            for (Object rule : rules) {
                assertThat(at(rule, "validate.failureAction")).as("%s: %s", r, p.name()).isEqualTo("Enforce");
                @SuppressWarnings("unchecked")
                List<String> excluded = (List<String>) Optional.ofNullable(at(rule, "exclude.any.0.resources.namespaces")).orElse(List.of());
                assertThat(excluded).as("%s: %s excludes no app namespace", r, p.name()).doesNotContainAnyElementsOf(apps);
                if (p.name().equals("disallow-latest-tag")) {
                    assertThat(excluded).as("pinned images everywhere").isEmpty();
                } else {
                    assertThat(excluded).as("%s: %s", r, p.name()).containsAll(platform).contains("kube-system");
                }
            }
        }
        Parsed probes = find(r, "ClusterPolicy", "require-probes").orElseThrow();
        @SuppressWarnings("unchecked")
        List<Object> kinds = (List<Object>) at(probes.spec(), "rules.0.match.any.0.resources.kinds");
        assertThat(kinds).as("%s: canary apps are Rollouts", r)
                .contains("Deployment", "StatefulSet", "DaemonSet")
                .hasSize(r.ctx().facts().enabled("argo-rollouts") ? 4 : 3);
        String nonRoot = r.tree().get("platform/config/admission-policies/clusterpolicy-require-run-as-non-root.yaml");
        assertThat(nonRoot).as("%s: no container is exempt (sidecar mode runs istio-cni, so no root istio-init)", r)
                .doesNotContain("istio-init").doesNotContain("(name)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void grafanaGetsADatasourceForEachEnabledBackendOnly(Profiles.Rendered r) {
        Optional<Parsed> cm = find(r, "ConfigMap", "grafana-datasources-strata");
        assertThat(cm.isPresent()).isEqualTo(r.ctx().facts().enabled("kube-prometheus-stack"));
        if (cm.isEmpty()) {
            return;
        }
        assertThat(cm.get().labels()).containsEntry("grafana_datasource", "1");
        String file = data(cm.get()).get("strata-datasources.yaml");
        List<?> ds = (List<?>) ((Map<?, ?>) Parsed.single("datasources", file)).get("datasources");
        java.util.Set<Object> uids = new java.util.HashSet<>();
        ds.forEach(d -> uids.add(((Map<?, ?>) d).get("uid")));
        java.util.Set<Object> expected = new java.util.HashSet<>(Set.of("prometheus"));
        if (r.ctx().facts().enabled("loki")) {
            expected.add("loki");
        }
        if (r.ctx().facts().enabled("tempo")) {
            expected.add("tempo");
        }
        assertThat(uids).as("%s", r).isEqualTo(expected);
        assertThat(ds).allSatisfy(d -> assertThat(((Map<?, ?>) d).containsKey("isDefault")).as("the chart's Prometheus stays the one default").isFalse());
        Parsed dashboard = find(r, "ConfigMap", "grafana-dashboard-sample-api").orElseThrow();
        assertThat(dashboard.labels()).containsEntry("grafana_dashboard", "1");
        String json = data(dashboard).get("sample-api.json");
        assertThat(json).contains("http_server_requests_seconds_count", "http_server_requests_seconds_bucket", "histogram_quantile(0.99",
                "jvm_memory_used_bytes");
    }

    @Test
    void dashboardsAreValidJson() throws Exception {
        String json = data(find(Profiles.render("kind-lab"), "ConfigMap", "grafana-dashboard-sample-api").orElseThrow()).get("sample-api.json");
        // JSON is YAML: a strict JSON document parses as one mapping with the panels intact.
        Map<?, ?> parsed = (Map<?, ?>) Parsed.single("dashboard", json);
        assertThat((List<?>) parsed.get("panels")).hasSize(4);
        assertThat(at(parsed, "panels.2.targets.1.expr")).isEqualTo(
                "histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{namespace=\"$namespace\"}[5m])))");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void theMeshIsScrapedTheWayItsModeExposesMetrics(Profiles.Rendered r) {
        if (!r.ctx().facts().enabled("kube-prometheus-stack")) {
            return;
        }
        var mode = r.ctx().facts().meshMode();
        assertThat(find(r, "ServiceMonitor", "istiod").isPresent()).isEqualTo(mode.istio());
        // Envoy's series come through the apps' PodMonitors on 15020 (merged metrics); a second
        // PodMonitor on 15090 would collect them twice.
        assertThat(find(r, "PodMonitor", "envoy-stats")).isEmpty();
        assertThat(find(r, "PodMonitor", "ztunnel").isPresent()).isEqualTo(mode == dev.strata.plan.facts.MeshMode.ISTIO_AMBIENT);
    }

    @Test
    void ambientMonitoringIsScrapedThroughZtunnelAndTheOperatorWebhookStaysReachable() {
        Profiles.Rendered r = Variants.ambientWithMonitoring();
        assertThat(find(r, "PodMonitor", "ztunnel")).isPresent();
        Parsed pa = find(r, "PeerAuthentication", "prometheus-operator-webhook").orElseThrow();
        assertThat(at(pa.spec(), "portLevelMtls.10250.mode")).isEqualTo("PERMISSIVE");
        assertThat(at(pa.spec(), "mtls.mode")).isEqualTo("STRICT");
    }

    @Test
    void linkerdIdentityChainsTheIssuerToTheTrustAnchor() {
        Profiles.Rendered r = Profiles.render("cell");
        Parsed issuer = find(r, "Certificate", "linkerd-identity-issuer").orElseThrow();
        assertThat(issuer.metadata().get("namespace")).isEqualTo("linkerd");
        assertThat(issuer.spec()).containsEntry("isCA", true).containsEntry("secretName", "linkerd-identity-issuer")
                .containsEntry("commonName", "identity.linkerd.cluster.local");
        assertThat(at(issuer.spec(), "usages")).isEqualTo(List.of("cert sign", "crl sign", "server auth", "client auth"));
        assertThat(at(issuer.spec(), "privateKey")).isEqualTo(Map.of("algorithm", "ECDSA", "size", 256));
        Parsed anchorIssuer = find(r, "ClusterIssuer", (String) at(issuer.spec(), "issuerRef.name")).orElseThrow();
        Parsed anchor = find(r, "Certificate", "linkerd-trust-anchor").orElseThrow();
        assertThat(at(anchorIssuer.spec(), "ca.secretName")).isEqualTo(at(anchor.spec(), "secretName"));
        assertThat(anchor.metadata().get("namespace")).isEqualTo("cert-manager");
        assertThat(at(anchor.spec(), "isCA")).isEqualTo(true);
        assertThat(find(r, "ClusterIssuer", (String) at(anchor.spec(), "issuerRef.name")).map(p -> p.spec().containsKey("selfSigned"))).contains(true);
        for (String other : List.of("kind-lab", "kind-full", "home", "talos-ambient")) {
            assertThat(Profiles.render(other).tree().files().keySet()).noneMatch(p -> p.startsWith("platform/config/linkerd-identity/"));
        }
    }

    @Test
    void theSameSpecRendersTheSameBytes() {
        for (String profile : Profiles.ALL) {
            RenderedTree a = new RenderedTree();
            RenderedTree b = new RenderedTree();
            var ctxA = Profiles.context(profile);
            var ctxB = Profiles.context(profile);
            Profiles.generators().forEach(g -> g.generate(ctxA, a));
            Profiles.generators().forEach(g -> g.generate(ctxB, b));
            assertThat(a.files()).as(profile).isEqualTo(b.files());
        }
    }

    @org.junit.jupiter.api.Test
    void linkerdsTrustRootsReachTheConfigMapItReadsThroughTrustManager() {
        Profiles.Rendered r = Profiles.render("cell");
        Parsed bundle = find(r, "Bundle", "linkerd-identity-trust-roots").orElseThrow();
        assertThat(at(bundle.spec(), "sources.0.secret.name")).isEqualTo("linkerd-trust-anchor");
        assertThat(at(bundle.spec(), "sources.0.secret.key")).as("the certificate, never the key").isEqualTo("ca.crt");
        assertThat(at(bundle.spec(), "target.configMap.key")).isEqualTo("ca-bundle.crt");
        assertThat(at(bundle.spec(), "target.namespaceSelector.matchLabels")).isEqualTo(java.util.Map.of("kubernetes.io/metadata.name", "linkerd"));
        Parsed anchor = find(r, "Certificate", "linkerd-trust-anchor").orElseThrow();
        assertThat(at(anchor.object(), "metadata.namespace")).as("trust-manager reads sources from its trust namespace").isEqualTo("cert-manager");
    }
}
