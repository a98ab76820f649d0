package dev.strata.render.apps;

import dev.strata.catalog.Container;
import dev.strata.catalog.Resources;
import dev.strata.plan.ResolvedComponent;
import dev.strata.render.RenderContext;
import dev.strata.spec.AppEnvironment;

import java.util.List;

/**
 * What one environment of an app may use at most, from the same numbers the capacity planner uses:
 * each pod is the app container plus what the mesh injects (sidecar proxies; init containers count
 * by their maximum, as the scheduler and the quota admission do), times the pods that can exist at
 * the peak, plus headroom.
 *
 * <p>Peak pods: the HPA maximum, plus one surge pod of a rolling update — or, for a canary, twice the
 * maximum (at 100% the canary ReplicaSet is full size while the stable one is still up). Headroom: a
 * quarter of the peak, at least one pod, so that a restart storm or a hand-run debug pod is not
 * refused while the quota is still a real ceiling.
 *
 * @param podRequests requests of one pod, mesh included
 * @param podLimits   limits of one pod, mesh included
 * @param pods        pods the quota admits (peak + headroom)
 * @param containerMax the largest limits any single container of the pod has (the LimitRange max)
 */
record NamespaceBudget(Resources podRequests, Resources podLimits, int peakPods, int pods, Resources containerMax) {

    static NamespaceBudget of(RenderContext ctx, AppFacts f, AppEnvironment env) {
        Resources requests = f.app().requests();
        Resources limits = f.app().limits();
        Resources initRequests = Resources.NONE;
        Resources initLimits = Resources.NONE;
        Resources containerMax = limits;
        for (Container c : meshContainers(ctx)) {
            containerMax = containerMax.max(c.limits());
            if (c.init()) {
                initRequests = initRequests.max(c.requests());
                initLimits = initLimits.max(c.limits());
            } else {
                requests = requests.plus(c.requests());
                limits = limits.plus(c.limits());
            }
        }
        requests = requests.max(initRequests);
        limits = limits.max(initLimits);
        int peak = f.canary() ? 2 * env.maxReplicas() : env.maxReplicas() + 1;
        int headroom = Math.max(1, (peak + 3) / 4);
        return new NamespaceBudget(requests, limits, peak, peak + headroom, containerMax);
    }

    /** Containers the mesh adds to every app pod in its mode (the catalog's meshOverhead, as the planner reads it). */
    static List<Container> meshContainers(RenderContext ctx) {
        return ctx.components().stream()
                .flatMap((ResolvedComponent rc) -> rc.entry().meshOverhead().getOrDefault(rc.mode().orElse("sidecar"), List.of()).stream())
                .toList();
    }

    Resources totalRequests() {
        return podRequests.times(pods);
    }

    Resources totalLimits() {
        return podLimits.times(pods);
    }
}
