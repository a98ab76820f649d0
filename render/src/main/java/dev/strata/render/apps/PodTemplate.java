package dev.strata.render.apps;

import dev.strata.catalog.Resources;
import dev.strata.plan.facts.MeshMode;
import dev.strata.render.Obj;
import dev.strata.render.RenderContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The app's pod: restricted security context (the Pod Security "restricted" profile and a
 * read-only root filesystem, /tmp on an emptyDir), explicit requests and limits, probes on the
 * sample API's /health and /ready, placement on the apps tier, replica spreading and the mesh's
 * enrolment marks. Shared by the Deployment and the Rollout.
 */
final class PodTemplate {

    static final long UID = 65532;
    /** Drain delay + grace for in-flight requests + margin to flush spans (the chart's arithmetic). */
    static final int TERMINATION_GRACE_SECONDS = 30;

    private PodTemplate() {
    }

    static Map<String, Object> of(RenderContext ctx, AppFacts f) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("labels", podLabels(f));
        Map<String, String> annotations = podAnnotations(f);
        if (!annotations.isEmpty()) {
            metadata.put("annotations", annotations);
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("serviceAccountName", f.name());
        spec.put("automountServiceAccountToken", false);
        spec.put("terminationGracePeriodSeconds", TERMINATION_GRACE_SECONDS);
        spec.put("securityContext", Obj.map(
                "runAsNonRoot", true,
                "runAsUser", UID,
                "runAsGroup", UID,
                "fsGroup", UID,
                "seccompProfile", Obj.map("type", "RuntimeDefault")));
        spec.put("containers", List.of(container(f)));
        spec.put("volumes", List.of(Obj.map("name", "tmp", "emptyDir", Obj.map("sizeLimit", "64Mi"))));
        if (!ctx.facts().appsTier().nodeSelector().isEmpty()) {
            spec.put("nodeSelector", new TreeMap<>(ctx.facts().appsTier().nodeSelector()));
        }
        if (!ctx.facts().appsTier().tolerations().isEmpty()) {
            spec.put("tolerations", ctx.facts().appsTier().tolerations());
        }
        affinity(f).ifPresent(a -> spec.put("affinity", a));
        return Obj.map("metadata", metadata, "spec", spec);
    }

    static Map<String, String> podLabels(AppFacts f) {
        Map<String, String> l = new TreeMap<>(f.labels());
        // Pod-level enrolment works whatever the namespace labels say (Istio's object-selector
        // injection webhook; ambient's pod label), so the app is meshed even if its namespace is not.
        if (f.mesh() == MeshMode.ISTIO_SIDECAR) {
            l.put("sidecar.istio.io/inject", "true");
        } else if (f.mesh() == MeshMode.ISTIO_AMBIENT) {
            l.put("istio.io/dataplane-mode", "ambient");
        }
        return l;
    }

    static Map<String, String> podAnnotations(AppFacts f) {
        Map<String, String> a = new TreeMap<>();
        if (f.mesh() == MeshMode.ISTIO_SIDECAR) {
            // Istio metrics merging: the injector moves these to ISTIO_PROMETHEUS_ANNOTATIONS and
            // points prometheus.io/port at 15020, where pilot-agent serves Envoy's and the app's
            // /metrics together, in plaintext, outside STRICT mTLS.
            a.put("prometheus.io/scrape", "true");
            a.put("prometheus.io/port", Integer.toString(f.port()));
            a.put("prometheus.io/path", "/metrics");
            a.put("proxy.istio.io/config", "{\"holdApplicationUntilProxyStarts\": true, \"terminationDrainDuration\": \"20s\"}");
        } else if (f.mesh() == MeshMode.LINKERD) {
            a.put("linkerd.io/inject", "enabled");
        }
        return a;
    }

    private static Map<String, Object> container(AppFacts f) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", f.name());
        c.put("image", f.app().image());
        c.put("imagePullPolicy", "IfNotPresent");
        c.put("ports", List.of(Obj.map("name", "http", "containerPort", f.port(), "protocol", "TCP")));
        c.put("envFrom", List.of(Obj.map("configMapRef", Obj.map("name", f.name()))));
        c.put("env", env(f));
        c.put("startupProbe", probe("/health", 2, 30));
        c.put("livenessProbe", probe("/health", 10, 3));
        c.put("readinessProbe", probe("/ready", 5, 1));
        c.put("resources", Obj.map("requests", resources(f.app().requests()), "limits", resources(f.app().limits())));
        c.put("securityContext", Obj.map(
                "allowPrivilegeEscalation", false,
                "readOnlyRootFilesystem", true,
                "runAsNonRoot", true,
                "runAsUser", UID,
                "privileged", false,
                "capabilities", Obj.map("drop", List.of("ALL")),
                "seccompProfile", Obj.map("type", "RuntimeDefault")));
        c.put("volumeMounts", List.of(Obj.map("name", "tmp", "mountPath", "/tmp")));
        return c;
    }

    private static List<Object> env(AppFacts f) {
        List<Object> env = new ArrayList<>();
        // The heap follows the container's memory limit (60%: the rest is metaspace, threads, code
        // cache and malloc); serial GC with a small young generation and tight free ratios keeps
        // the resident size near 220 MiB at full load — the sample API chart's measured settings.
        env.add(Obj.map("name", "JAVA_TOOL_OPTIONS",
                "value", "-XX:MaxRAMPercentage=60 -XX:+UseSerialGC -Xmn32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+ExitOnOutOfMemoryError"));
        env.add(Obj.map("name", "MALLOC_ARENA_MAX", "value", "2"));
        ConfigMapManifest.database(f).ifPresent(db -> {
            // Credentials from a Secret the user seals (kubeseal) and commits as a SealedSecret; the
            // tree never holds one. optional: the pod starts without it and /ready reports the
            // database as unreachable until the Secret exists.
            for (String key : List.of("user", "password")) {
                env.add(Obj.map("name", "DATABASE_" + key.toUpperCase(Locale.ROOT),
                        "valueFrom", Obj.map("secretKeyRef", Obj.map(
                                "name", databaseSecret(f), "key", key, "optional", true))));
            }
        });
        return env;
    }

    static String databaseSecret(AppFacts f) {
        return f.name() + "-database";
    }

    private static Map<String, Object> probe(String path, int period, int failures) {
        return Obj.map("httpGet", Obj.map("path", path, "port", "http"),
                "periodSeconds", period, "timeoutSeconds", 2, "failureThreshold", failures);
    }

    static Map<String, Object> resources(Resources r) {
        return Obj.map("cpu", r.cpu().toCpuString(), "memory", r.memory().toMemoryString());
    }

    private static Optional<Map<String, Object>> affinity(AppFacts f) {
        Map<String, Object> term = Obj.map(
                "labelSelector", Obj.map("matchLabels", new TreeMap<>(f.selector())),
                "topologyKey", "kubernetes.io/hostname");
        return switch (f.app().antiAffinity()) {
            case "required" -> Optional.of(Obj.map("podAntiAffinity", Obj.map(
                    "requiredDuringSchedulingIgnoredDuringExecution", List.of(term))));
            case "preferred" -> Optional.of(Obj.map("podAntiAffinity", Obj.map(
                    "preferredDuringSchedulingIgnoredDuringExecution", List.of(Obj.map("weight", 100, "podAffinityTerm", term)))));
            default -> Optional.empty();
        };
    }
}
