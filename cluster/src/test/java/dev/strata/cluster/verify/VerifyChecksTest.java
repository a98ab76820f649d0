package dev.strata.cluster.verify;

import dev.strata.catalog.Catalog;
import dev.strata.cluster.fakes.FakeKube;
import dev.strata.cluster.fakes.FakeTicker;
import dev.strata.cluster.kube.AppStatus;
import dev.strata.cluster.kube.NodeStatus;
import dev.strata.cluster.kube.PodStatus;
import dev.strata.cluster.kube.ProbeResult;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.Scenario;
import dev.strata.spec.PlatformSpec;
import dev.strata.spec.Profiles;
import dev.strata.spec.SpecLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyChecksTest {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static PlatformSpec full;
    static PlatformSpec lab;
    static final Catalog CATALOG = Catalog.bundled();
    final FakeKube kube = new FakeKube();

    @BeforeAll
    static void specs() {
        full = SpecLoader.bundled().parse("kind-full", Profiles.text("kind-full").orElseThrow());
        lab = SpecLoader.bundled().parse("kind-lab", Profiles.text("kind-lab").orElseThrow());
    }

    /** HTTPS from the host, answered as told and recorded (address, port, host, path, trust anchors' subjects). */
    final List<String> httpsCalls = new java.util.ArrayList<>();
    HostHttps.Outcome httpsAnswer = new HostHttps.Outcome(java.util.Optional.of(200), java.util.Optional.empty(),
            java.util.Optional.of("CN=*.kind-lab.localhost, issued by CN=strata-ca"));

    VerifyContext ctx(PlatformSpec spec) {
        HostHttps https = (address, port, host, path, trust, timeout) -> {
            httpsCalls.add(address + ":" + port + " " + host + path + " trusting " + trust.stream()
                    .map(c -> c.getSubjectX500Principal().getName()).toList());
            return httpsAnswer;
        };
        return new VerifyContext(spec, new Planner(CATALOG).plan(spec, Scenario.REPLICAS), kube, new FakeTicker(), () -> TRACE, https);
    }

    CheckResult run(String id, PlatformSpec spec) {
        Check c = Verifier.standard().checks().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        return new Verifier(List.of(c)).run(ctx(spec)).getFirst();
    }

    void probe(String name, String log) {
        kube.probes.put("strata-verify-" + name, new ProbeResult(true, log));
    }

    static String curl(int code, String body) {
        return body + "\nSTRATA_CODE=" + code + "\nSTRATA_EXIT=0\n";
    }

    static String curlFailed(int exit, String message) {
        return "curl: (" + exit + ") " + message + "\nSTRATA_CODE=000\nSTRATA_EXIT=" + exit + "\n";
    }

    @Test
    void applicationsHealthy() {
        kube.applications = () -> List.of(new AppStatus("root", 0, "Synced", "Healthy", "", List.of()));
        assertThat(run("applications-healthy", lab).outcome()).isEqualTo(Outcome.PASS);
        kube.applications = () -> List.of(new AppStatus("loki", 3, "OutOfSync", "Degraded", "one or more objects failed", List.of()));
        CheckResult r = run("applications-healthy", lab);
        assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(r.evidence()).isEqualTo("loki OutOfSync/Degraded (one or more objects failed)");
        kube.applications = List::of;
        assertThat(run("applications-healthy", lab).evidence()).startsWith("no Applications");
    }

    @Test
    void plaintextIntoStrictMtlsMustBeReset() {
        probe("plaintext", curlFailed(56, "Recv failure: Connection reset by peer"));
        CheckResult pass = run("mtls-plaintext-refused", lab);
        assertThat(pass.outcome()).isEqualTo(Outcome.PASS);
        assertThat(pass.evidence()).contains("curl exit 56 (connection reset)");
        assertThat(kube.probesRun.getLast().namespace()).isEqualTo("dev-sample-api");
        assertThat(kube.probesRun.getLast().annotations()).containsEntry("sidecar.istio.io/inject", "false");
        assertThat(kube.probesRun.getLast().image()).contains("@sha256:");
        assertThat(kube.probesRun.getLast().admitted()).as("let past the namespace's default-deny, so only the sidecar can refuse").isTrue();

        probe("plaintext", curl(200, "{\"status\":\"UP\"}"));
        CheckResult fail = run("mtls-plaintext-refused", lab);
        assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(fail.evidence()).contains("was answered: HTTP 200");

        probe("plaintext", curlFailed(28, "Connection timed out after 5001 milliseconds"));
        assertThat(run("mtls-plaintext-refused", lab).evidence()).contains("STRICT mTLS was not observed");
    }

    @Test
    void networkPolicyDeniedTrafficMustTimeOut() {
        probe("netpol", curlFailed(28, "Connection timed out after 5002 milliseconds"));
        assertThat(run("network-policy-denies", lab).outcome()).isEqualTo(Outcome.PASS);
        assertThat(kube.probesRun.getLast().namespace()).isEqualTo(VerifyContext.PROBE_NAMESPACE);
        assertThat(kube.probesRun.getLast().admitted()).as("the NetworkPolicy is what is tested").isFalse();
        assertThat(kube.writes).containsSubsequence("create namespace strata-verify", "probe strata-verify/strata-verify-netpol",
                "delete Namespace strata-verify");

        probe("netpol", curlFailed(56, "Recv failure: Connection reset by peer"));
        CheckResult r = run("network-policy-denies", lab);
        assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(r.evidence()).contains("reached the pod: curl exit 56");
    }

    @Test
    void anIdentityTheAuthorizationPolicyDoesNotAllowGets403() {
        probe("authz", curl(403, "RBAC: access denied"));
        CheckResult pass = run("authorization-denied", lab);
        assertThat(pass.outcome()).isEqualTo(Outcome.PASS);
        assertThat(pass.evidence()).endsWith("HTTP 403 (RBAC: access denied)");
        assertThat(kube.probesRun.getLast().admitted()).as("only the AuthorizationPolicy may refuse it").isTrue();
        probe("authz", curl(200, "{}"));
        assertThat(run("authorization-denied", lab).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void kyvernoMustRejectTheViolatingPod() {
        kube.admission = Optional.of("admission webhook \"validate.kyverno.svc-fail\" denied the request: policy Pod/dev-sample-api/strata-verify-violator for resource violation: disallow-privileged-containers");
        assertThat(run("kyverno-enforce-rejects", full).outcome()).isEqualTo(Outcome.PASS);
        kube.admission = Optional.of("pods \"strata-verify-violator\" is forbidden: violates PodSecurity \"restricted:latest\"");
        assertThat(run("kyverno-enforce-rejects", full).evidence()).startsWith("rejected, but not by Kyverno");
        kube.admission = Optional.empty();
        assertThat(run("kyverno-enforce-rejects", full).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void checksThatDoNotApplyAreSkippedWithTheReasonNeverPassed() {
        CheckResult r = run("kyverno-enforce-rejects", lab);
        assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(r.evidence()).isEqualTo("the spec has no Kyverno (kyverno is not enabled)");
        PlatformSpec noMesh = SpecLoader.bundled().parse("x", Profiles.text("kind-lab").orElseThrow().replace("istio: {mode: sidecar}", "istio: {enabled: false}")
                .replace("istio-gateway: {}", "istio-gateway: {enabled: false}"));
        assertThat(run("authorization-denied", noMesh).evidence()).isEqualTo("the spec has no Istio mesh");
        assertThat(run("mtls-plaintext-refused", noMesh).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(kube.probesRun).isEmpty();
    }

    private void gateway(boolean certManagerSecret) {
        kube.objects.put("Gateway/istio-ingress/platform", Map.of("spec", Map.of("listeners", List.of(
                        Map.of("name", "http", "protocol", "HTTP", "port", 80),
                        Map.of("name", "https", "protocol", "HTTPS", "port", 443, "tls", Map.of("certificateRefs", List.of(Map.of("name", "platform-tls")))))),
                "status", Map.of("addresses", List.of(Map.of("type", "IPAddress", "value", "10.96.20.5")))));
        String caPem;
        try (var in = VerifyChecksTest.class.getResourceAsStream("/verify/ca.pem")) {
            caPem = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        kube.objects.put("Secret/istio-ingress/platform-tls", Map.of("metadata", Map.of("name", "platform-tls",
                "annotations", certManagerSecret ? Map.of("cert-manager.io/issuer-name", "strata-ca") : Map.of()),
                "data", Map.of("ca.crt", java.util.Base64.getEncoder().encodeToString(caPem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))));
    }

    @Test
    void theGatewayServesHttpsFromTheHostThroughKindsMappedPortWithTheCertificateVerifiedAgainstTheClusterCa() {
        gateway(true);
        CheckResult pass = run("gateway-https", lab);
        assertThat(pass.outcome()).as(pass.evidence()).isEqualTo(Outcome.PASS);
        assertThat(httpsCalls).containsExactly("127.0.0.1:443 sample-api-dev.kind-lab.localhost/health trusting [CN=strata-ca]");
        assertThat(pass.evidence()).contains("from this machine through 127.0.0.1:443: HTTP 200")
                .contains("verified against the cluster CA (Secret platform-tls, issuer strata-ca)");
        assertThat(kube.probesRun).as("no in-cluster curl -k any more").isEmpty();

        httpsAnswer = new HostHttps.Outcome(java.util.Optional.empty(), java.util.Optional.of("TLS: PKIX path building failed"), java.util.Optional.empty());
        CheckResult untrusted = run("gateway-https", lab);
        assertThat(untrusted.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(untrusted.evidence()).endsWith("TLS: PKIX path building failed");

        gateway(false);
        assertThat(run("gateway-https", lab).evidence()).contains("was not issued by cert-manager");
    }

    @Test
    void elsewhereThanKindTheGatewaysOwnAddressIsUsed() {
        gateway(true);
        PlatformSpec talos = SpecLoader.bundled().parse("talos", Profiles.text("talos-ambient").orElseThrow());
        run("gateway-https", talos);
        assertThat(httpsCalls).singleElement().asString().startsWith("10.96.20.5:443 ");
    }

    @Test
    void prometheusMustHaveTheSampleApiTargetUp() {
        probe("prometheus", curl(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"job\":\"sample-api\",\"pod\":\"sample-api-7d9\"},\"value\":[1764244800,\"1\"]}]}}"));
        CheckResult pass = run("prometheus-target-up", lab);
        assertThat(pass.outcome()).isEqualTo(Outcome.PASS);
        assertThat(pass.evidence()).isEqualTo("up{namespace=\"dev-sample-api\"}: 1 target(s) up: sample-api/sample-api-7d9");

        probe("prometheus", curl(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"job\":\"sample-api\",\"pod\":\"p\"},\"value\":[1,\"0\"]}]}}"));
        assertThat(run("prometheus-target-up", lab).evidence()).contains("every target is down: sample-api/p");
        probe("prometheus", curl(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
        assertThat(run("prometheus-target-up", lab).evidence()).contains("has no series");
    }

    @Test
    void lokiMustReturnTheAppsLogLines() {
        probe("loki", curl(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[{\"stream\":{\"namespace\":\"dev-sample-api\"},\"values\":[[\"1764244800000000000\",\"{\\\"message\\\":\\\"GET /health 200\\\"}\"]]}]}}"));
        CheckResult pass = run("loki-logs", lab);
        assertThat(pass.outcome()).isEqualTo(Outcome.PASS);
        assertThat(pass.evidence()).contains("1 line(s), e.g. {\"message\":\"GET /health 200\"}");
        probe("loki", curl(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"streams\",\"result\":[]}}"));
        assertThat(run("loki-logs", lab).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void tempoMustReturnTheTraceOfTheRequestVerifyMade() {
        gateway(true);
        probe("tempo", curl(200, "{\"batches\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"sample-api\"}}]}}]}"));
        CheckResult pass = run("tempo-trace", lab);
        assertThat(pass.outcome()).isEqualTo(Outcome.PASS);
        assertThat(pass.evidence()).isEqualTo("trace " + TRACE + " found in Tempo with spans of service.name=sample-api");
        String script = String.join(" ", kube.probesRun.getLast().command());
        assertThat(script).contains("traceparent: 00-" + TRACE + "-" + TRACE.substring(0, 16) + "-01").contains("/api/traces/" + TRACE);

        // the gateway's span names the app's host and path, not its service: a text match would have passed
        probe("tempo", curl(200, "{\"batches\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":"
                + "\"istio-ingressgateway.istio-ingress\"}}]},\"scopeSpans\":[{\"spans\":[{\"name\":\"sample-api-dev.kind-lab.localhost:443/status\"}]}]}]}"));
        CheckResult gatewayOnly = run("tempo-trace", lab);
        assertThat(gatewayOnly.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(gatewayOnly.evidence()).contains("no span has service.name=sample-api (only istio-ingressgateway.istio-ingress");

        probe("tempo", "trace not found\nSTRATA_CODE=404\nSTRATA_EXIT=0\n");
        assertThat(run("tempo-trace", lab).evidence()).startsWith("Tempo has no trace " + TRACE);
    }

    @Test
    void platformPodsMustRunOnPlatformNodesDaemonSetsExcepted() {
        PlatformSpec home = SpecLoader.bundled().parse("home", Profiles.text("home").orElseThrow()); // a platform tier and an apps tier
        kube.nodes = List.of(new NodeStatus("kind-lab-control-plane", true, Map.of(), "172.18.0.2"),
                new NodeStatus("kind-lab-worker", true, Map.of("strata.dev/tier", "platform"), "172.18.0.3"),
                new NodeStatus("kind-lab-apps", true, Map.of("strata.dev/tier", "apps"), "172.18.0.4"));
        kube.pods.put("argocd", List.of(new PodStatus("argocd", "argocd-server-5c8d-x1", "kind-lab-worker", "Running", true, 0, "", "ReplicaSet")));
        kube.pods.put("kube-system", List.of(new PodStatus("kube-system", "cilium-abc", "kind-lab-control-plane", "Running", true, 0, "", "DaemonSet"),
                new PodStatus("kube-system", "coredns-7db6d8ff4d-2x", "kind-lab-control-plane", "Running", true, 0, "", "ReplicaSet"),
                new PodStatus("kube-system", "kube-apiserver-kind-lab-control-plane", "kind-lab-control-plane", "Running", true, 0, "", "Node")));
        CheckResult pass = run("platform-pods-on-platform-nodes", home);
        assertThat(pass.outcome()).as(pass.evidence()).isEqualTo(Outcome.PASS);
        assertThat(pass.evidence()).startsWith("1 platform pods");

        kube.pods.put("monitoring", List.of(new PodStatus("monitoring", "loki-0", "kind-lab-apps", "Running", true, 0, "", "StatefulSet")));
        CheckResult fail = run("platform-pods-on-platform-nodes", home);
        assertThat(fail.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(fail.evidence()).contains("monitoring/loki-0 on kind-lab-apps (tier apps)");
    }

    @Test
    void onAClusterWhereEveryNodeTakingPodsIsPlatformTheTierCheckSaysItCannotFailInsteadOfPassing() {
        CheckResult r = run("platform-pods-on-platform-nodes", lab); // kind-lab: one platform worker, a tainted control plane
        assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(r.evidence()).isEqualTo("every node that takes pods is in the platform tier, so no platform pod could run anywhere else");
    }

    @Test
    void aCheckThatCannotTryFailsWithoutStoppingTheOthers() {
        kube.applications = () -> {
            throw new dev.strata.cluster.ClusterException("listing Argo CD Applications in context fake: connection refused");
        };
        var results = Verifier.standard().run(ctx(lab));
        assertThat(results.getFirst().outcome()).isEqualTo(Outcome.FAIL);
        assertThat(results.getFirst().evidence()).startsWith("could not try: listing Argo CD Applications");
        assertThat(results).hasSize(10);
    }

    @Test
    void junitSuiteTimeIsTheSumOfTheCaseTimesAsWritten() {
        var case1 = new CheckResult("a", "first", Outcome.PASS, "ok", java.time.Duration.ofNanos(1_600_000));
        String xml = VerifyReport.junit(List.of(case1, case1, case1));

        assertThat(xml).contains("<testsuite name=\"strata verify\" tests=\"3\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0.003\">")
                .contains("name=\"a\" time=\"0.001\"");
    }

    @Test
    void junitXmlCountsFailuresAndSkipsAndEscapesEvidence() {
        var results = List.of(
                new CheckResult("a", "first", Outcome.PASS, "ok <fine>", java.time.Duration.ofMillis(1500)),
                new CheckResult("b", "second", Outcome.FAIL, "got \"200\" & more", java.time.Duration.ZERO),
                new CheckResult("c", "third", Outcome.SKIPPED, "no mesh", java.time.Duration.ZERO));
        assertThat(VerifyReport.junit(results)).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="strata verify" tests="3" failures="1" errors="0" skipped="1" time="1.500">
                  <testcase classname="strata.verify" name="a" time="1.500">
                    <system-out>ok &lt;fine&gt;</system-out>
                  </testcase>
                  <testcase classname="strata.verify" name="b" time="0.000">
                    <failure message="second">got "200" &amp; more</failure>
                  </testcase>
                  <testcase classname="strata.verify" name="c" time="0.000">
                    <skipped message="no mesh"/>
                  </testcase>
                </testsuite>
                """);
        assertThat(VerifyReport.text(results)).endsWith("1 passed, 1 failed, 1 skipped.\n");
    }
}
