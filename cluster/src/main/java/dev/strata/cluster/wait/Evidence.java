package dev.strata.cluster.wait;

import dev.strata.cluster.kube.AppStatus;
import dev.strata.cluster.kube.Kube;
import dev.strata.cluster.kube.PodStatus;
import dev.strata.cluster.kube.ResourceHealth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Why Applications are not healthy, gathered from the cluster: each one's degraded resources
 * (from {@code .status.resources}), then the failing pods in their namespaces with their events
 * and last log lines. Bounded, so a broken cluster does not print thousands of lines.
 */
public final class Evidence {

    static final int LOG_LINES = 10;
    static final int EVENTS = 5;
    static final int PODS = 8;

    private Evidence() {
    }

    public static List<String> collect(Kube kube, List<AppStatus> notReady, Set<String> missing) {
        List<String> out = new ArrayList<>();
        missing.forEach(m -> out.add("Application " + m + ": does not exist yet (its parent has not created it)"));
        Set<String> namespaces = new LinkedHashSet<>();
        for (AppStatus a : notReady) {
            out.add("Application " + a.name() + " (wave " + a.wave() + "): " + a.sync() + ", " + a.health() + (a.message().isEmpty() ? "" : ": " + a.message()));
            for (ResourceHealth r : a.resources()) {
                if (!r.healthy() || "OutOfSync".equals(r.sync())) {
                    out.add("  " + r + ("OutOfSync".equals(r.sync()) ? ", OutOfSync" : ""));
                    if (!r.namespace().isEmpty()) {
                        namespaces.add(r.namespace());
                    }
                }
            }
        }
        out.addAll(pods(kube, namespaces));
        return out;
    }

    /** The failing pods of these namespaces, each with its last events and log lines. */
    public static List<String> pods(Kube kube, Collection<String> namespaces) {
        List<String> out = new ArrayList<>();
        int pods = 0;
        for (String ns : namespaces) {
            for (PodStatus p : kube.pods(ns)) {
                if (!p.failing() || pods++ >= PODS) {
                    continue;
                }
                out.add("pod " + ns + "/" + p.name() + ": " + p.phase() + (p.problem().isEmpty() ? "" : ", " + p.problem())
                        + (p.restarts() > 0 ? ", " + p.restarts() + " restarts" : "") + (p.node().isEmpty() ? ", not scheduled" : ", on " + p.node()));
                List<String> events = kube.events(ns, p.name());
                events.subList(Math.max(0, events.size() - EVENTS), events.size()).forEach(e -> out.add("    event " + e));
                kube.logTail(ns, p.name(), LOG_LINES).forEach(l -> out.add("    log   " + l));
            }
        }
        return out;
    }
}
