package dev.strata.cluster.verify;

import dev.strata.catalog.Catalog;
import dev.strata.cluster.Ticker;
import dev.strata.cluster.kube.Kube;
import dev.strata.cluster.kube.Probe;
import dev.strata.cluster.kube.ProbeResult;
import dev.strata.cluster.kube.ResourceRef;
import dev.strata.plan.Plan;
import dev.strata.plan.facts.PlatformFacts;
import dev.strata.spec.AppSpec;
import dev.strata.spec.PlatformSpec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What checks see: the spec and the platform's facts (well-known endpoints), the cluster, and
 * a way to run a curl probe pod. Probes run in namespace {@value #PROBE_NAMESPACE} unless a
 * check needs them elsewhere; every probe pod is deleted after it ran.
 */
public final class VerifyContext {

    public static final String PROBE_NAMESPACE = "strata-verify";
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(120);

    private final PlatformSpec spec;
    private final PlatformFacts facts;
    private final Kube kube;
    private final Ticker ticker;
    private final Supplier<String> randomHex;
    private final HostHttps https;
    private boolean namespaceReady;
    private boolean namespaceEnsured;

    public VerifyContext(PlatformSpec spec, Plan plan, Catalog catalog, Kube kube, Ticker ticker, Supplier<String> randomHex) {
        this(spec, plan, kube, ticker, randomHex, new JsseHostHttps());
    }

    /** @param https requests from this machine (the gateway's host path) */
    public VerifyContext(PlatformSpec spec, Plan plan, Kube kube, Ticker ticker, Supplier<String> randomHex, HostHttps https) {
        this.spec = spec;
        this.facts = plan.facts();
        this.kube = kube;
        this.ticker = ticker;
        this.randomHex = randomHex;
        this.https = https;
    }

    /** HTTPS from this machine, as a user's browser reaches the platform. */
    public HostHttps https() {
        return https;
    }

    public PlatformSpec spec() {
        return spec;
    }

    /** What the plan knows of the platform: components, endpoints, host names. */
    public PlatformFacts facts() {
        return facts;
    }

    public Kube kube() {
        return kube;
    }

    public Ticker ticker() {
        return ticker;
    }

    /** 32 random hex digits (trace ids; the first 16 make a span id). */
    public String randomHex() {
        return randomHex.get();
    }

    /** The first app and its first environment: what the traffic checks aim at. */
    public Optional<Target> target() {
        return spec.apps().stream().filter(a -> !a.environments().isEmpty()).findFirst()
                .map(a -> new Target(a, a.environments().getFirst().name()));
    }

    public record Target(AppSpec app, String env) {
        public String namespace() {
            return app.namespace(env);
        }

        public String serviceUrl(String path) {
            return "http://" + app.name() + "." + namespace() + ".svc.cluster.local:" + app.port() + path;
        }
    }

    /** Runs a shell script in a pinned curl image and parses its curl markers. */
    public CurlOutcome curl(String name, String namespace, String script, Map<String, String> labels, Map<String, String> annotations) {
        return curl(name, namespace, script, labels, annotations, false);
    }

    /**
     * @param admitted the probe runs in a namespace with default-deny NetworkPolicy (an app's) and
     *                 must be let in and out for the duration (see {@link Probe#admitted()})
     */
    public CurlOutcome curl(String name, String namespace, String script, Map<String, String> labels, Map<String, String> annotations,
                            boolean admitted) {
        if (namespace.equals(PROBE_NAMESPACE) && !namespaceEnsured) {
            namespaceEnsured = true;
            namespaceReady = kube.ensureNamespace(PROBE_NAMESPACE, Map.of("istio-injection", "disabled", "app.kubernetes.io/managed-by", "strata"));
        }
        ProbeResult r = kube.runProbe(new Probe(namespace, "strata-verify-" + name, Probe.CURL_IMAGE, List.of("sh", "-c", script),
                labels, annotations, "", admitted), PROBE_TIMEOUT);
        CurlOutcome o = CurlOutcome.parse(r.log());
        return r.completed() ? o : new CurlOutcome(o.exit() == -1 ? CurlOutcome.TIMEOUT : o.exit(), o.httpCode(), o.body(), o.verbose());
    }

    /** Deletes the probe namespace if this run created it (probe pods are deleted one by one already). */
    public void cleanUp() {
        if (namespaceReady) {
            kube.delete(new ResourceRef("v1", "Namespace", "", PROBE_NAMESPACE));
            namespaceReady = false;
        }
    }

    /** Annotations and labels that keep a probe pod out of the mesh (sidecar and ambient). */
    public static Map<String, String> outsideMeshAnnotations() {
        return Map.of("sidecar.istio.io/inject", "false", "linkerd.io/inject", "disabled");
    }

    public static Map<String, String> outsideMeshLabels() {
        return Map.of("istio.io/dataplane-mode", "none", "app.kubernetes.io/managed-by", "strata");
    }
}
