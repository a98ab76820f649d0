package dev.strata.render.config;

import dev.strata.catalog.PodSecurity;
import dev.strata.render.Generator;
import dev.strata.render.Obj;
import dev.strata.render.RenderContext;
import dev.strata.render.RenderedTree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.strata.render.Obj.map;

/**
 * {@code platform/config/admission-policies/}: Kyverno ClusterPolicies in Enforce that hold the
 * app namespaces to the platform's rules. Platform namespaces are excluded (except from the
 * pinned-image rule): their charts are hardened in the catalog and bounded by their namespace's
 * Pod Security level, and a blocked chart Job would stall a sync.
 */
public final class AdmissionPoliciesGenerator implements Generator {

    static final String API = "kyverno.io/v1";
    static final String ENFORCE = "Enforce";
    static final List<String> CONTAINER_LISTS = List.of("containers", "initContainers", "ephemeralContainers");

    @Override
    public String name() {
        return Bundles.ADMISSION_POLICIES;
    }

    @Override
    public void generate(RenderContext ctx, RenderedTree out) {
        if (!ctx.hasWaveItem(Bundles.ADMISSION_POLICIES)) {
            return;
        }
        Map<String, String> excluded = excludedNamespaces(ctx);
        String dir = Bundles.dir(Bundles.ADMISSION_POLICIES);
        // No container is exempt: in sidecar mode Istio runs with istio-cni, so the injected init
        // container is istio-validation (UID 1337), not the root istio-init.
        List<String> meshInitExempt = List.of();

        write(out, dir, excluded, "require-run-as-non-root", "Pods must not run as root",
                List.of("Every container runs as non-root: the pod sets runAsNonRoot true and no container sets it false,",
                        "or every container sets it true."),
                podMatch(), List.of(rule("run-as-non-root", podMatch(), validate(
                        "containers must run as non-root: set securityContext.runAsNonRoot: true on the pod or on every container",
                        "anyPattern", List.of(
                                map("spec", nonRootPattern(true, meshInitExempt)),
                                map("spec", nonRootPattern(false, meshInitExempt)))))));

        write(out, dir, excluded, "disallow-privilege-escalation", "Containers must not allow privilege escalation",
                List.of("Every container sets securityContext.allowPrivilegeEscalation: false (Pod Security restricted)."),
                podMatch(), List.of(rule("privilege-escalation", podMatch(), validate(
                        "set securityContext.allowPrivilegeEscalation: false on every container",
                        "pattern", map("spec", eachContainer(map("securityContext", map("allowPrivilegeEscalation", "false"))))))));

        writeAnnotated(out, dir, Map.of(), "disallow-latest-tag", "Images must be pinned",
                List.of("Every image names a tag other than latest, or a digest: a moving tag makes the same manifest",
                        "run different code on different nodes. Applies to platform namespaces too (every catalog image is",
                        "pinned); Kyverno's webhooks never see kube-system or its own namespace (chart defaults).",
                        "Judged on Pods only (autogen-controllers: none): an image is what the pod runs after the mutating",
                        "webhooks, and Istio's gateway Deployment ships the placeholder image auto that its injector replaces",
                        "at pod creation; a rule Kyverno generated for the Deployment would refuse it (pkg/autogen/v1)."),
                Map.of("pod-policies.kyverno.io/autogen-controllers", "none"), List.of(
                        rule("require-image-tag", podMatch(), validate(
                                "every image needs a tag or a digest (name:tag or name@sha256:...)",
                                "pattern", map("spec", eachContainer(map("image", "*:*"))))),
                        rule("disallow-latest", podMatch(), validate(
                                "the tag latest is not allowed; pin a version or a digest",
                                "pattern", map("spec", eachContainer(map("image", "!*:latest")))))));

        write(out, dir, excluded, "require-requests-limits", "Containers must declare requests and limits",
                List.of("Every container declares CPU and memory requests and limits: the scheduler and the capacity",
                        "plan count requests, and a limit keeps one pod from starving its node."),
                podMatch(), List.of(rule("requests-limits", podMatch(), validate(
                        "set resources.requests.cpu, requests.memory, limits.cpu and limits.memory on every container",
                        "pattern", map("spec", map("containers", List.of(map("resources", map(
                                "requests", map("cpu", "?*", "memory", "?*"),
                                "limits", map("cpu", "?*", "memory", "?*"))))))))));

        List<String> kinds = new ArrayList<>(List.of("Deployment", "StatefulSet", "DaemonSet"));
        if (ctx.facts().enabled("argo-rollouts")) {
            // Canary apps run as Rollouts (same pod template path); only named when the CRD exists,
            // since Kyverno refuses a policy that matches an unknown kind.
            kinds.add("argoproj.io/v1alpha1/Rollout");
        }
        Map<String, Object> controllers = map("any", List.of(map("resources", map("kinds", kinds))));
        write(out, dir, excluded, "require-probes", "Long-running workloads must declare liveness and readiness probes",
                List.of("Every container of a Deployment, StatefulSet, DaemonSet" + (ctx.facts().enabled("argo-rollouts") ? " or Rollout" : "") + " declares a liveness and a readiness probe.",
                        "Matched on the controllers, not on Pods: Jobs and CronJobs finish and need none, and the",
                        "containers a mesh injects into pods (which bring their own probes) are not judged."),
                controllers, List.of(rule("liveness-and-readiness", controllers, validate(
                        "every container needs a livenessProbe and a readinessProbe",
                        "pattern", map("spec", map("template", map("spec", map("containers", List.of(map(
                                "livenessProbe", map("periodSeconds", ">0"),
                                "readinessProbe", map("periodSeconds", ">0")))))))))));
    }

    /**
     * Platform namespaces (every namespace a release installs into, plus kube-system), each with the
     * components that run there: the comment each exclusion carries.
     */
    static Map<String, String> excludedNamespaces(RenderContext ctx) {
        Map<String, String> out = new TreeMap<>();
        out.put("kube-system", "Kubernetes' own components (API server, CoreDNS, kube-proxy or the CNI)");
        ctx.facts().platformNamespaces().forEach((ns, ids) -> {
            if (ns.equals("kube-system")) {
                out.merge(ns, String.join(", ", ids), (a, b) -> a + " and " + b);
            } else {
                PodSecurityLevels.Need need = PodSecurityLevels.platform(ctx, ns);
                out.put(ns, String.join(", ", ids) + "; Pod Security " + need.podSecurity().level() + " bounds it"
                        + (need.podSecurity().level().equals(PodSecurity.RESTRICTED) ? ""
                        : " (" + need.component() + ": " + need.podSecurity().reason() + ")"));
            }
        });
        return out;
    }

    private static Map<String, Object> podMatch() {
        return map("any", List.of(map("resources", map("kinds", List.of("Pod")))));
    }

    private static Map<String, Object> rule(String name, Map<String, Object> match, Map<String, Object> validate) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("match", match);
        r.put("validate", validate);
        return r;
    }

    private static Map<String, Object> validate(String message, String patternKey, Object pattern) {
        return map("failureAction", ENFORCE, "message", message, patternKey, pattern);
    }

    /** The same element pattern for containers, and (if present) init and ephemeral containers. */
    private static Map<String, Object> eachContainer(Map<String, Object> element) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("=(ephemeralContainers)", List.of(element));
        m.put("=(initContainers)", List.of(element));
        m.put("containers", List.of(element));
        return m;
    }

    /**
     * Kyverno's Pod Security "restricted" runAsNonRoot check: either the pod sets it and no container
     * unsets it, or every container sets it. Containers named in {@code exempt} are skipped with a
     * conditional anchor on their name.
     */
    private static Map<String, Object> nonRootPattern(boolean podLevel, List<String> exempt) {
        Map<String, Object> spec = new LinkedHashMap<>();
        if (podLevel) {
            spec.put("securityContext", map("runAsNonRoot", "true"));
        }
        for (String list : CONTAINER_LISTS) {
            Map<String, Object> element = new LinkedHashMap<>();
            if (!exempt.isEmpty() && list.equals("initContainers")) {
                element.put("(name)", String.join(" & ", exempt.stream().map(n -> "!" + n).toList()));
            }
            if (podLevel) {
                element.put("=(securityContext)", map("=(runAsNonRoot)", "true"));
            } else {
                element.put("securityContext", map("runAsNonRoot", "true"));
            }
            spec.put(list.equals("containers") ? list : "=(" + list + ")", List.of(element));
        }
        return spec;
    }

    private void write(RenderedTree out, String dir, Map<String, String> excluded, String name, String title,
                       List<String> why, Map<String, Object> match, List<Map<String, Object>> rules) {
        writeAnnotated(out, dir, excluded, name, title, why, Map.of(), rules);
    }

    private void writeAnnotated(RenderedTree out, String dir, Map<String, String> excluded, String name, String title,
                                List<String> why, Map<String, String> annotations, List<Map<String, Object>> rules) {
        List<Map<String, Object>> withExclusions = new ArrayList<>();
        for (Map<String, Object> r : rules) {
            Map<String, Object> copy = new LinkedHashMap<>(r);
            if (!excluded.isEmpty()) {
                Map<String, Object> ordered = new LinkedHashMap<>();
                ordered.put("name", copy.get("name"));
                ordered.put("match", copy.get("match"));
                ordered.put("exclude", map("any", List.of(map("resources", map("namespaces", new ArrayList<>(excluded.keySet()))))));
                ordered.put("validate", copy.get("validate"));
                copy = ordered;
            }
            withExclusions.add(copy);
        }
        Map<String, String> all = new TreeMap<>(annotations);
        all.putAll(Map.of("policies.kyverno.io/title", title, "policies.kyverno.io/category", "Strata platform baseline",
                "policies.kyverno.io/subject", "Pod"));
        var policy = Obj.of(API, "ClusterPolicy", name)
                .annotations(all)
                .put("spec", map(
                        // Also report existing resources that break the rule (policy reports), not only new ones.
                        "background", true,
                        "rules", withExclusions)).build();
        List<String> header = new ArrayList<>(why.stream().filter(s -> !s.isEmpty()).toList());
        header.add("failureAction Enforce per rule (Kyverno 1.19; spec.validationFailureAction is deprecated).");
        List<ConfigFile.LineComment> comments = new ArrayList<>();
        if (!excluded.isEmpty()) {
            header.add("Excluded: the platform namespaces below, each with the components there. Their charts are sized and");
            header.add("hardened in the catalog, their namespace's Pod Security level bounds them, and an app rule (probes on");
            header.add("a hook Job, root in a node agent) must not stall a platform sync. App namespaces are never excluded.");
            // The same namespace list repeats once per rule; comment the first occurrence of each item.
            excluded.forEach((ns, who) -> comments.add(ConfigFile.LineComment.of("- " + ns, who)));
        }
        ConfigFile.write(out, dir, header, policy, comments);
    }
}
