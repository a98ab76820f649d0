package dev.strata.check.admission;

import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.graph.Selectors;
import dev.strata.yaml.tree.YList;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kyverno's admission of a workload, as v1.19 decides it, for the validate rules in Enforce:
 * <ul>
 *   <li>failure action: the rule's {@code validate.failureAction}, else the policy's deprecated
 *       {@code validationFailureAction}, default Audit ({@code engineresponse.go failureActionForRule});
 *       a {@code failureActionOverrides} entry for the namespace wins;</li>
 *   <li>match and exclude ({@code pkg/engine/utils/match.go}): {@code any}/{@code all} filters or the
 *       older {@code resources}; kinds ({@code Kind}, {@code v1/Kind}, {@code group/version/Kind},
 *       wildcards), names, namespaces (wildcards), selector, namespaceSelector, annotations,
 *       operations (a create); filters on users, roles or subjects are not evaluated;</li>
 *   <li>auto-generation for Pod controllers ({@code pkg/autogen/v1}): a rule on Pods also applies to
 *       DaemonSet, Deployment, Job, StatefulSet, ReplicaSet, ReplicationController and CronJob (or
 *       those the {@code pod-policies.kyverno.io/autogen-controllers} annotation lists; none with
 *       {@code none}) with its pattern under {@code spec.template} — unless the policy cannot be
 *       auto-generated (a generate rule, a name, selector or annotations filter, Pod mixed with other
 *       kinds);</li>
 *   <li>what Kyverno never sees: the chart's webhook leaves out kube-system and Kyverno's own
 *       namespace, and its resource filters kube-public and kube-node-lease (chart 3.9.0
 *       {@code config.resourceFilters}, {@code excludeKyvernoNamespace}).</li>
 * </ul>
 */
public final class Kyverno {

    public static final Set<String> CONTROLLERS = Set.of("DaemonSet", "Deployment", "Job", "StatefulSet", "ReplicaSet",
            "ReplicationController", "CronJob");
    static final String AUTOGEN = "pod-policies.kyverno.io/autogen-controllers";
    public static final Set<String> NEVER_SEEN = Set.of("kube-system", "kube-public", "kube-node-lease");

    /** A validate rule in Enforce of a policy in the input. */
    public record EnforcedRule(Resource policy, String name, YMap rule, YMap validate) {
        public String display() {
            return policy.kind() + " " + (policy.namespace().isEmpty() ? "" : policy.namespace() + "/") + policy.name() + " rule " + name;
        }
    }

    /** What a rule decided for one object. */
    public record Decision(EnforcedRule rule, String on, KyvernoPattern.Result result) {
    }

    private Kyverno() {
    }

    /** The validate rules in Enforce of every ClusterPolicy, and of every Policy in {@code namespace}. */
    public static List<EnforcedRule> rules(ResourceGraph graph) {
        List<EnforcedRule> out = new ArrayList<>();
        List<Resource> policies = new ArrayList<>(graph.ofKind("ClusterPolicy"));
        policies.addAll(graph.ofKind("Policy"));
        for (Resource p : policies) {
            if (!p.group().equals("kyverno.io")) {
                continue;
            }
            String specAction = p.spec().strOr("validationFailureAction", "Audit");
            for (YMap rule : p.spec().maps("rules")) {
                Optional<YMap> validate = rule.map("validate");
                if (validate.isEmpty()) {
                    continue;
                }
                String action = validate.get().str("failureAction").orElse(specAction);
                if (action.equalsIgnoreCase("Enforce")) {
                    out.add(new EnforcedRule(p, rule.strOr("name", "?"), rule, validate.get()));
                }
            }
        }
        return out;
    }

    /** The namespace Kyverno runs in (its admission controller's), which its webhook never sends it. */
    public static String kyvernoNamespace(ResourceGraph graph) {
        return graph.ofKind("Deployment").stream().filter(d -> d.name().endsWith("kyverno-admission-controller")
                        || d.labels().getOrDefault("app.kubernetes.io/component", "").equals("admission-controller")
                        && d.labels().getOrDefault("app.kubernetes.io/part-of", "").contains("kyverno"))
                .map(Resource::namespace).findFirst().orElse("kyverno");
    }

    /**
     * Every decision of an enforced rule on a workload: on the object itself (a Pod, or a controller
     * through auto-generation), and on the pods a controller creates (as they are admitted, after
     * {@code mutatedPod} has applied what mutating webhooks fill in).
     */
    public static List<Decision> decide(EnforcedRule r, Resource object, PodTemplate pod, YMap mutatedPod, ResourceGraph graph) {
        List<Decision> out = new ArrayList<>();
        if (!r.policy().kind().equals("ClusterPolicy") && !r.policy().namespace().equals(object.namespace())) {
            return out;
        }
        if (overriddenToAudit(r, object.namespace())) {
            return out;
        }
        YMap match = r.rule().map("match").orElse(YMap.empty());
        YMap exclude = r.rule().map("exclude").orElse(YMap.empty());
        Target self = Target.of(object, graph);
        Target podTarget = new Target("Pod", "v1", "", object.namespace(), object.name(), pod.labels(), pod.annotations(), self.namespaceLabels());
        boolean controller = CONTROLLERS.contains(object.kind());
        // the object itself, matched directly
        Filter direct = applies(match, exclude, self);
        if (direct == Filter.YES) {
            out.add(new Decision(r, object.kind(), validate(r, object.root(), pod)));
        } else if (direct == Filter.UNKNOWN) {
            out.add(new Decision(r, object.kind(), KyvernoPattern.Result.notEvaluated("its match or exclude filters users, roles or namespace labels the input does not give")));
        }
        if (!controller) {
            return out;
        }
        Filter onPods = applies(match, exclude, podTarget);
        if (onPods == Filter.NO) {
            return out;
        }
        if (onPods == Filter.UNKNOWN) {
            out.add(new Decision(r, "Pod", KyvernoPattern.Result.notEvaluated("its match or exclude filters users, roles or namespace labels the input does not give")));
            return out;
        }
        if (direct == Filter.NO && autogen(r, object.kind())) {
            out.add(new Decision(r, object.kind() + " (auto-generated rule)", validate(r, podView(pod.templateMetadata(), pod.podSpec()), pod)));
        }
        out.add(new Decision(r, "Pod", validate(r, mutatedPod, pod)));
        return out;
    }

    private static KyvernoPattern.Result validate(EnforcedRule r, YNode resource, PodTemplate pod) {
        if (r.rule().has("preconditions")) {
            return KyvernoPattern.Result.notEvaluated("the rule has preconditions");
        }
        YMap v = r.validate();
        if (v.has("pattern")) {
            return KyvernoPattern.match(resource, v.get("pattern").get());
        }
        if (v.list("anyPattern").isPresent()) {
            List<KyvernoPattern.Result> results = new ArrayList<>();
            for (YNode p : v.list("anyPattern").get().items()) {
                KyvernoPattern.Result res = KyvernoPattern.match(resource, p);
                if (res.kind() == KyvernoPattern.Result.Kind.PASS) {
                    return res;
                }
                results.add(res);
            }
            if (results.stream().anyMatch(x -> x.kind() == KyvernoPattern.Result.Kind.NOT_EVALUATED)) {
                return KyvernoPattern.Result.notEvaluated("an anyPattern alternative uses variables");
            }
            if (results.stream().allMatch(x -> x.kind() == KyvernoPattern.Result.Kind.SKIP)) {
                return results.isEmpty() ? KyvernoPattern.Result.PASS : results.getFirst();
            }
            return results.stream().filter(KyvernoPattern.Result::failed).findFirst().orElse(results.getFirst());
        }
        if (v.map("podSecurity").isPresent()) {
            YMap ps = v.map("podSecurity").get();
            if (!ps.maps("exclude").isEmpty()) {
                return KyvernoPattern.Result.notEvaluated("podSecurity with exclusions");
            }
            Optional<PodSecurity.Level> level = PodSecurity.Level.parse(ps.strOr("level", ""));
            if (level.isEmpty()) {
                return KyvernoPattern.Result.notEvaluated("podSecurity level " + ps.strOr("level", "?"));
            }
            List<PodSecurity.Violation> violations = PodSecurity.evaluate(pod, level.get());
            return violations.isEmpty() ? KyvernoPattern.Result.PASS
                    : KyvernoPattern.Result.fail("podSecurity " + level.get().label(), violations.getFirst().detail());
        }
        for (String construct : List.of("deny", "foreach", "cel", "manifests", "assert")) {
            if (v.has(construct)) {
                return KyvernoPattern.Result.notEvaluated("validate." + construct + " is not evaluated offline");
            }
        }
        return KyvernoPattern.Result.notEvaluated("no pattern");
    }

    /** A pod as the template gives it: {@code {metadata, spec}}, the shape auto-generated rules see under spec.template. */
    public static YMap podView(YMap metadata, YMap spec) {
        Map<String, YNode> m = new LinkedHashMap<>();
        m.put("metadata", metadata);
        m.put("spec", spec);
        return YMap.of(m, spec.line());
    }

    private static boolean overriddenToAudit(EnforcedRule r, String namespace) {
        List<YMap> overrides = new ArrayList<>(r.validate().maps("failureActionOverrides"));
        overrides.addAll(r.policy().spec().maps("validationFailureActionOverrides"));
        for (YMap o : overrides) {
            if (o.strings("namespaces").stream().anyMatch(n -> KyvernoPattern.wildcard(namespace, n))) {
                return o.strOr("action", "").equalsIgnoreCase("Audit");
            }
        }
        return false;
    }

    /** Whether Kyverno auto-generates this Pod rule for the controller kind ({@code pkg/autogen/v1 CanAutoGen}). */
    static boolean autogen(EnforcedRule r, String controllerKind) {
        Optional<String> annotation = r.policy().annotation(AUTOGEN);
        if (annotation.isPresent()) {
            String a = annotation.get().strip();
            if (a.equals("none") || List.of(a.split(",")).stream().map(String::strip).noneMatch(controllerKind::equals)) {
                return false;
            }
        }
        for (YMap rule : r.policy().spec().maps("rules")) {
            if (rule.has("generate") || rule.path("mutate").map(m -> m.has("patchesJson6902")).orElse(false)) {
                return false;
            }
            for (YMap f : filters(rule.map("match").orElse(YMap.empty()))) {
                if (!autogenFilter(f)) {
                    return false;
                }
            }
            for (YMap f : filters(rule.map("exclude").orElse(YMap.empty()))) {
                if (!autogenFilter(f)) {
                    return false;
                }
            }
        }
        YMap match = r.rule().map("match").orElse(YMap.empty());
        boolean matchesPods = filters(match).stream().anyMatch(f -> kinds(f).contains("Pod"));
        List<String> excluded = filters(r.rule().map("exclude").orElse(YMap.empty())).stream().flatMap(f -> kinds(f).stream()).toList();
        return matchesPods && (excluded.isEmpty() || excluded.contains("Pod"));
    }

    private static boolean autogenFilter(YMap f) {
        YMap res = f.map("resources").orElse(YMap.empty());
        if (res.has("name") || res.has("names") || res.has("selector") || res.has("annotations")) {
            return false;
        }
        List<String> kinds = kinds(f);
        return !(kinds.contains("Pod") && kinds.size() > 1 && kinds.stream().anyMatch(k -> !k.equals("Pod") && !CONTROLLERS.contains(k)));
    }

    private static List<String> kinds(YMap filter) {
        return filter.map("resources").map(res -> res.strings("kinds")).orElse(List.of()).stream()
                .map(k -> k.contains("/") ? k.substring(k.lastIndexOf('/') + 1) : k).toList();
    }

    private enum Filter { YES, NO, UNKNOWN }

    /** Match, then exclude (only when matched), as pkg/engine/utils/match.go. */
    private static Filter applies(YMap match, YMap exclude, Target t) {
        Filter m = block(match, t, true);
        if (m != Filter.YES) {
            return m;
        }
        if (exclude.keyCount() == 0) {
            return Filter.YES;
        }
        Filter x = block(exclude, t, false);
        return switch (x) {
            case YES -> Filter.NO;
            case NO -> Filter.YES;
            case UNKNOWN -> Filter.UNKNOWN;
        };
    }

    private static Filter block(YMap block, Target t, boolean forMatch) {
        List<YMap> any = block.maps("any");
        List<YMap> all = block.maps("all");
        if (any.isEmpty() && all.isEmpty()) {
            if (block.has("resources")) {
                return filter(block, t);
            }
            return forMatch ? Filter.NO : Filter.NO;
        }
        if (!any.isEmpty()) {
            boolean unknown = false;
            for (YMap f : any) {
                Filter r = filter(f, t);
                if (r == Filter.YES) {
                    return Filter.YES;
                }
                unknown |= r == Filter.UNKNOWN;
            }
            return unknown ? Filter.UNKNOWN : Filter.NO;
        }
        boolean unknown = false;
        for (YMap f : all) {
            Filter r = filter(f, t);
            if (r == Filter.NO) {
                return Filter.NO;
            }
            unknown |= r == Filter.UNKNOWN;
        }
        return unknown ? Filter.UNKNOWN : Filter.YES;
    }

    private static List<YMap> filters(YMap block) {
        List<YMap> out = new ArrayList<>(block.maps("any"));
        out.addAll(block.maps("all"));
        if (out.isEmpty() && block.has("resources")) {
            out.add(block);
        }
        return out;
    }

    /** One resource filter: every field given must hold (fields are ANDed, list entries ORed). */
    private static Filter filter(YMap f, Target t) {
        if (f.has("subjects") || f.has("roles") || f.has("clusterRoles")) {
            return Filter.UNKNOWN;
        }
        YMap res = f.map("resources").orElse(YMap.empty());
        List<String> ops = res.strings("operations");
        if (!ops.isEmpty() && !ops.contains("CREATE")) {
            return Filter.NO;
        }
        List<String> kinds = res.strings("kinds");
        if (!kinds.isEmpty() && kinds.stream().noneMatch(t::kindMatches)) {
            return Filter.NO;
        }
        List<String> names = new ArrayList<>(res.strings("names"));
        res.str("name").ifPresent(names::add);
        if (!names.isEmpty() && names.stream().noneMatch(n -> KyvernoPattern.wildcard(t.name(), n))) {
            return Filter.NO;
        }
        List<String> namespaces = res.strings("namespaces");
        if (!namespaces.isEmpty() && namespaces.stream().noneMatch(n -> KyvernoPattern.wildcard(t.namespace(), n))) {
            return Filter.NO;
        }
        Optional<YMap> selector = res.map("selector");
        if (selector.isPresent() && !Selectors.matches(selector.get(), t.labels())) {
            return Filter.NO;
        }
        Optional<YMap> nsSelector = res.map("namespaceSelector");
        if (nsSelector.isPresent()) {
            if (t.namespaceLabels().isEmpty()) {
                return Filter.UNKNOWN;
            }
            if (!Selectors.matches(nsSelector.get(), t.namespaceLabels().get())) {
                return Filter.NO;
            }
        }
        Map<String, String> annotations = res.stringMap("annotations");
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            String v = t.annotations().get(e.getKey());
            if (v == null || !KyvernoPattern.wildcard(v, e.getValue())) {
                return Filter.NO;
            }
        }
        return Filter.YES;
    }

    /** What a filter looks at: the kind, API version, name, namespace, labels and annotations of the object, and its namespace's labels. */
    record Target(String kind, String version, String group, String namespace, String name, Map<String, String> labels,
                  Map<String, String> annotations, Optional<Map<String, String>> namespaceLabels) {

        static Target of(Resource r, ResourceGraph graph) {
            String api = r.apiVersion();
            String group = api.contains("/") ? api.substring(0, api.indexOf('/')) : "";
            String version = api.contains("/") ? api.substring(api.indexOf('/') + 1) : api;
            Optional<Map<String, String>> nsLabels = graph.namespaceLabels(r.namespace());
            return new Target(r.kind(), version, group, r.namespace(), r.name(), r.labels(), r.annotations(), nsLabels);
        }

        boolean kindMatches(String selector) {
            String[] parts = selector.split("/");
            String k = parts[parts.length - 1];
            if (parts.length == 2 && (k.equals("status") || k.equals("scale") || k.equals("ephemeralcontainers") || k.equals("exec"))) {
                return false; // a subresource
            }
            if (!KyvernoPattern.wildcard(kind, k)) {
                return false;
            }
            if (parts.length == 2) {
                return KyvernoPattern.wildcard(version, parts[0]);
            }
            if (parts.length >= 3) {
                return KyvernoPattern.wildcard(group, parts[0]) && KyvernoPattern.wildcard(version, parts[1]);
            }
            return true;
        }
    }

    /** Text of a scalar list (test helper for readers of this class). */
    static List<String> strings(YNode n) {
        List<String> out = new ArrayList<>();
        if (n instanceof YList l) {
            l.items().forEach(i -> {
                if (i instanceof YScalar s) {
                    out.add(s.text());
                }
            });
        }
        return out;
    }
}
