package dev.strata.check.rules.gitops;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.load.flux.FluxKustomization;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Flux Kustomization or HelmRelease whose {@code dependsOn} can never be ready: it names an object
 * of its kind that is not there, or it is part of a cycle. kustomize-controller and helm-controller
 * only requeue while a dependency is not ready and detect no cycle ({@code checkDependencies}), so
 * the objects wait for ever.
 */
public final class FluxDependsOnRule extends BaseRule {

    public FluxDependsOnRule() {
        super(RuleInfo.across("flux-depends-on", Category.GITOPS, Severity.ERROR,
                "A Flux Kustomization or HelmRelease depends on one that is not in the tree, or on itself through a cycle: Flux waits for it for ever.",
                "Name an existing Kustomization (or HelmRelease) in dependsOn, with its namespace if it is another, and break the cycle.").appliesTo("kustomize.toolkit.fluxcd.io/Kustomization", "helm.toolkit.fluxcd.io/HelmRelease"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        Map<String, Resource> peers = new LinkedHashMap<>();
        for (Resource r : ctx.graph().ofKind(object.kind())) {
            if (r.group().equals(object.group())) {
                peers.putIfAbsent(r.namespace() + "/" + r.name(), r);
            }
        }
        for (FluxKustomization.Dependency d : FluxKustomization.dependsOn(object)) {
            String key = d.namespace() + "/" + d.name();
            if (!peers.containsKey(key)) {
                ctx.report(d.line(), object.kind() + " " + object.namespace() + "/" + object.name() + " depends on " + object.kind()
                        + " " + key + ", which is not in the input: it is never ready, so this one never applies",
                        ctx.graph().owns(object.kind(), d.namespace()) ? Severity.ERROR : Severity.WARNING);
            }
        }
        String self = object.namespace() + "/" + object.name();
        cycle(self, self, peers, new ArrayList<>()).ifPresent(path -> ctx.report(object.line(), object.kind() + " " + self
                + " waits for itself through dependsOn: " + String.join(" → ", path) + "; none of them ever applies"));
    }

    /** A dependsOn path from {@code at} back to {@code start}, if there is one. */
    private static Optional<List<String>> cycle(String start, String at, Map<String, Resource> peers, List<String> path) {
        Resource r = peers.get(at);
        if (r == null || path.contains(at)) {
            return Optional.empty();
        }
        path.add(at);
        for (FluxKustomization.Dependency d : FluxKustomization.dependsOn(r)) {
            String next = d.namespace() + "/" + d.name();
            if (next.equals(start)) {
                List<String> found = new ArrayList<>(path);
                found.add(start);
                return Optional.of(found);
            }
            Optional<List<String>> deeper = cycle(start, next, peers, path);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        path.remove(path.size() - 1);
        return Optional.empty();
    }
}
