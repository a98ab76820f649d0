package dev.strata.check.graph;

import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Every loaded object, indexed for rules that look across resources. */
public final class ResourceGraph {

    private final List<Resource> all;
    private final Map<String, List<Resource>> byKind = new HashMap<>();
    private final Map<String, List<Resource>> byKey = new HashMap<>();
    private final Map<String, List<PodTemplate>> templatesByNamespace = new HashMap<>();
    /** Pod templates by namespace, then by one label written {@code key=value}. */
    private final Map<String, Map<String, List<PodTemplate>>> templatesByLabel = new HashMap<>();
    private final Map<Resource, PodTemplate> templateOf = new IdentityHashMap<>();
    private final Set<String> kindNamespace = new HashSet<>();
    private final Set<String> namespaceObjects = new HashSet<>();
    private final Map<String, Resource> crds = new HashMap<>();

    private final SourceTree tree;
    /** Facts derived from the whole graph (the connectivity model), computed once and read by many rules. */
    private final ConcurrentHashMap<Class<?>, Object> derived = new ConcurrentHashMap<>();

    public ResourceGraph(List<Resource> resources) {
        this(resources, SourceTree.none());
    }

    private final Set<String> externallyFed = new HashSet<>();
    private final Set<String> operatorMade;
    /** Applications whose chart comes from a repository, by namespace/name, with their destination namespace. */
    private final Map<String, String> fedApps = new HashMap<>();

    public ResourceGraph(List<Resource> resources, SourceTree tree) {
        this(resources, tree, Set.of());
    }

    /**
     * @param clusterNamespaces namespaces the cluster fills itself (kube-system: CoreDNS, kube-proxy, the
     *                          control plane): the input never owns them, whatever it puts there
     */
    public ResourceGraph(List<Resource> resources, SourceTree tree, Set<String> clusterNamespaces) {
        this.tree = tree;
        this.externallyFed.addAll(clusterNamespaces);
        this.all = List.copyOf(resources);
        Set<String> loadedThrough = new HashSet<>();
        for (Resource r : all) {
            if (!r.application().isEmpty()) {
                loadedThrough.add(r.application());
            }
        }
        for (Resource r : all) {
            byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
            byKey.computeIfAbsent(key(r.kind(), r.namespace(), r.name()), k -> new ArrayList<>()).add(r);
            kindNamespace.add(r.kind() + "\u0000" + r.namespace());
            if (r.kind().equals("Namespace") && r.group().isEmpty()) {
                namespaceObjects.add(r.name());
            }
            if (r.is("apiextensions.k8s.io", "CustomResourceDefinition")) {
                String group = r.spec().strOr("group", "");
                String kind = r.spec().path("names").map(n -> n.strOr("kind", "")).orElse("");
                crds.putIfAbsent(group + "/" + kind, r);
            }
            if (r.is("helm.toolkit.fluxcd.io", "HelmRelease")) {
                // a HelmRelease's chart puts objects into its target namespace: known once rendered, else not
                fedApps.put(r.namespace() + "/" + r.name(), r.spec().strOr("targetNamespace", r.namespace()));
            }
            if (r.is("argoproj.io", "Application") && fedFromOutside(r)) {
                r.spec().path("destination").flatMap(d -> d.str("namespace")).ifPresent(ns -> fedApps.put(r.namespace() + "/" + r.name(), ns));
            }
            PodTemplate.of(r).ifPresent(t -> {
                templateOf.put(r, t);
                templatesByNamespace.computeIfAbsent(r.namespace(), k -> new ArrayList<>()).add(t);
                Map<String, List<PodTemplate>> byLabel = templatesByLabel.computeIfAbsent(r.namespace(), k -> new HashMap<>());
                t.labels().forEach((k, v) -> byLabel.computeIfAbsent(k + "=" + v, x -> new ArrayList<>()).add(t));
            });
        }
        markExternallyFed(loadedThrough);
        operatorMade = OperatorObjects.madeFor(all);
    }

    /**
     * Fills {@link #externallyFed}: the destination namespaces of Applications whose chart comes from
     * a repository and was not rendered (the deep check renders it: then its objects are in the input).
     */
    private void markExternallyFed(Set<String> loadedThrough) {
        fedApps.forEach((app, ns) -> {
            if (!loadedThrough.contains(app)) {
                externallyFed.add(ns);
            }
        });
    }

    /**
     * An Application whose source is a chart from a Helm repository (or any repository other than
     * a path in the checked tree) puts objects into its destination namespace that the input does
     * not hold, so that namespace's contents are not fully known.
     */
    private static boolean fedFromOutside(Resource app) {
        List<YMap> sources = new ArrayList<>(app.spec().maps("sources"));
        app.spec().map("source").ifPresent(sources::add);
        return sources.stream().anyMatch(s -> s.has("chart") || (s.has("repoURL") && !s.has("path") && !s.has("ref")));
    }

    private static String key(String kind, String namespace, String name) {
        return kind + "\u0000" + namespace + "\u0000" + name;
    }

    /**
     * A fact derived from the whole graph, computed on first use and shared by every rule that reads
     * it (rules run in parallel; the computation runs once).
     */
    public <T> T derived(Class<T> type, Function<ResourceGraph, T> compute) {
        return type.cast(derived.computeIfAbsent(type, k -> compute.apply(this)));
    }

    /** The repository the input came from, for rules that resolve Argo CD source paths. */
    public SourceTree tree() {
        return tree;
    }

    public List<Resource> all() {
        return all;
    }

    public List<Resource> ofKind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** Objects of a kind (any group) with that namespace and name. */
    public List<Resource> find(String kind, String namespace, String name) {
        return byKey.getOrDefault(key(kind, namespace, name), List.of());
    }

    public Optional<Resource> findOne(String kind, String namespace, String name) {
        List<Resource> found = find(kind, namespace, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    public boolean exists(String kind, String namespace, String name) {
        return byKey.containsKey(key(kind, namespace, name));
    }

    /** Whether an operator creates this object for a custom resource in the input (see {@link OperatorObjects}). */
    public boolean madeByOperator(String kind, String namespace, String name) {
        return operatorMade.contains(key(kind, namespace, name));
    }

    /** Pod templates of workloads in a namespace. */
    public List<PodTemplate> podTemplates(String namespace) {
        return templatesByNamespace.getOrDefault(namespace, List.of());
    }

    /** The pod template of a workload in this graph (the same instance every rule sees). */
    public Optional<PodTemplate> podTemplate(Resource workload) {
        PodTemplate t = templateOf.get(workload);
        return t != null ? Optional.of(t) : PodTemplate.of(workload);
    }

    /**
     * Pod templates in a namespace whose labels hold every pair of an equality selector; all of
     * them for an empty selector. Candidates come from the label index, so a Service costs as much
     * as the pods it could select, not as every pod of its namespace.
     */
    public List<PodTemplate> podTemplatesMatching(String namespace, Map<String, String> selector) {
        List<PodTemplate> candidates = candidates(namespace, selector);
        List<PodTemplate> out = new ArrayList<>();
        for (PodTemplate t : candidates) {
            if (Selectors.matches(selector, t.labels())) {
                out.add(t);
            }
        }
        return out;
    }

    /** Pod templates in a namespace that a LabelSelector (matchLabels and matchExpressions) selects. */
    public List<PodTemplate> podTemplatesMatching(String namespace, YMap labelSelector) {
        List<PodTemplate> out = new ArrayList<>();
        for (PodTemplate t : candidates(namespace, labelSelector.stringMap("matchLabels"))) {
            if (Selectors.matches(labelSelector, t.labels())) {
                out.add(t);
            }
        }
        return out;
    }

    /** The smallest list of templates that holds one of the selector's pairs (a superset of the matches). */
    private List<PodTemplate> candidates(String namespace, Map<String, String> equalities) {
        if (equalities.isEmpty()) {
            return podTemplates(namespace);
        }
        Map<String, List<PodTemplate>> byLabel = templatesByLabel.getOrDefault(namespace, Map.of());
        List<PodTemplate> best = null;
        for (Map.Entry<String, String> e : equalities.entrySet()) {
            List<PodTemplate> withPair = byLabel.getOrDefault(e.getKey() + "=" + e.getValue(), List.of());
            if (best == null || withPair.size() < best.size()) {
                best = withPair;
            }
        }
        return best;
    }

    public List<PodTemplate> allPodTemplates() {
        return templatesByNamespace.values().stream().flatMap(List::stream).toList();
    }

    /** The CustomResourceDefinition in the input that defines a group's kind. */
    public Optional<Resource> crd(String group, String kind) {
        return Optional.ofNullable(crds.get(group + "/" + kind));
    }

    /**
     * The labels of a Namespace in the input as the API server stores them: with
     * {@code kubernetes.io/metadata.name} set to its name (every namespace gets it, since Kubernetes 1.21).
     */
    public Optional<Map<String, String>> namespaceLabels(String name) {
        return namespace(name).map(n -> {
            Map<String, String> labels = new LinkedHashMap<>(n.labels());
            labels.put("kubernetes.io/metadata.name", name);
            return labels;
        });
    }

    public Optional<Resource> namespace(String name) {
        return ofKind("Namespace").stream().filter(n -> n.name().equals(name) && n.group().isEmpty()).findFirst();
    }

    /**
     * Reference policy: the input owns {@code kind} in {@code namespace} when it declares the
     * Namespace object or holds at least one object of that kind there. A missing reference into an
     * owned namespace is an error; otherwise the object may be created outside the checked input
     * (another chart, an operator), and the finding is downgraded to a warning. A namespace an
     * Application fills from a chart repository is never owned: its objects are not in the input.
     */
    public boolean owns(String kind, String namespace) {
        if (externallyFed.contains(namespace)) {
            return false;
        }
        return namespaceObjects.contains(namespace) || kindNamespace.contains(kind + "\u0000" + namespace);
    }

    /** Whether any workload in the namespace is in the input (or the Namespace object is). */
    public boolean ownsWorkloads(String namespace) {
        if (externallyFed.contains(namespace)) {
            return false;
        }
        return namespaceObjects.contains(namespace) || templatesByNamespace.containsKey(namespace);
    }
}
