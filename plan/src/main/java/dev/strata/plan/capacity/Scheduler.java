package dev.strata.plan.capacity;

import dev.strata.catalog.Quantity;
import dev.strata.catalog.Resources;
import dev.strata.spec.Taint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Places pods on nodes in kube-scheduler's spirit: filter (node selector, taints, required
 * anti-affinity, resources), then score by least allocated and take the best node. Static
 * control-plane pods and DaemonSet pods are bound to their nodes first, as the kubelet and the
 * DaemonSet controller do. A pod that no node can take is reported the way the scheduler reports
 * it: {@code 0/3 nodes available: 1 untolerated taint tier=platform, 2 insufficient memory (...)}.
 *
 * <p>Eligibility (selector and taints) is computed once per distinct pod shape, so a plan of
 * 20,000 pods over 1,000 nodes costs one resource check per pod and eligible node.
 */
public final class Scheduler {

    private final List<NodeInfo> nodes;
    private final long[] allocCpu;
    private final long[] allocMem;
    private final long[] reqCpu;
    private final long[] reqMem;
    private final long[] limCpu;
    private final long[] limMem;
    private final List<List<PodRequest>> placed;
    private final Map<String, BitSet> antiAffinityUsed = new HashMap<>();
    private final Map<Shape, Eligibility> eligibility = new HashMap<>();
    private final List<Unschedulable> unschedulable = new ArrayList<>();
    private int podCount;
    private int transientFits;
    private final long[] totals = new long[8]; // kubernetes, component, app, job × cpu, memory: every pod, placed or not

    private record Shape(Map<String, String> selector, List<Toleration> tolerations) {
    }

    /** Per node: empty when eligible, else the reason (selector or taint) it is not. */
    private record Eligibility(int[] eligible, String[] reason) {
    }

    public Scheduler(List<NodeInfo> nodes) {
        this.nodes = List.copyOf(nodes);
        int n = nodes.size();
        allocCpu = new long[n];
        allocMem = new long[n];
        reqCpu = new long[n];
        reqMem = new long[n];
        limCpu = new long[n];
        limMem = new long[n];
        placed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            allocCpu[i] = nodes.get(i).allocatable().cpu().milli();
            allocMem[i] = nodes.get(i).allocatable().memory().milli();
            placed.add(new ArrayList<>());
        }
    }

    /** Places every pod: static pods first, then DaemonSet pods, then the rest in the given order. */
    public CapacityReport schedule(List<PodRequest> pods, Scenario scenario) {
        for (PodRequest p : pods) {
            if (p.staticOnControlPlane()) {
                bindStatic(p);
            }
        }
        for (PodRequest p : pods) {
            if (p.perNode() && !p.staticOnControlPlane()) {
                bindDaemon(p);
            }
        }
        for (PodRequest p : pods) {
            if (!p.perNode() && !p.staticOnControlPlane() && p.category() != PodCategory.JOB) {
                place(p);
            }
        }
        for (PodRequest p : pods) {
            if (p.category() == PodCategory.JOB) {
                placeTransient(p);
            }
        }
        return report(scenario);
    }

    private void bindStatic(PodRequest p) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).controlPlane()) {
                bindOrReport(p.withName(p.name() + "-" + nodes.get(i).name()), i);
            }
        }
    }

    private void bindDaemon(PodRequest p) {
        Eligibility e = eligibilityOf(p);
        for (int i : e.eligible()) {
            bindOrReport(p.withName(p.name() + "-" + nodes.get(i).name()), i);
        }
    }

    private void count(PodRequest p) {
        podCount++;
        int k = p.category().ordinal() * 2;
        totals[k] += p.requests().cpu().milli();
        totals[k + 1] += p.requests().memory().milli();
    }

    private void bindOrReport(PodRequest p, int i) {
        count(p);
        long cpu = p.requests().cpu().milli();
        long mem = p.requests().memory().milli();
        if (reqCpu[i] + cpu <= allocCpu[i] && reqMem[i] + mem <= allocMem[i]) {
            bind(p, i);
            return;
        }
        Map<String, List<Integer>> reasons = new LinkedHashMap<>();
        resourceReasons(p, i, reasons);
        unschedulable.add(new Unschedulable(p, "0/1 nodes available: " + format(p, reasons) + " on " + nodes.get(i).name()));
    }

    private void place(PodRequest p) {
        count(p);
        Eligibility e = eligibilityOf(p);
        long cpu = p.requests().cpu().milli();
        long mem = p.requests().memory().milli();
        BitSet taken = p.antiAffinity().map(k -> antiAffinityUsed.computeIfAbsent(k, x -> new BitSet())).orElse(null);
        int best = -1;
        double bestScore = -1;
        for (int i : e.eligible()) {
            if (taken != null && taken.get(i)) {
                continue;
            }
            long freeCpu = allocCpu[i] - reqCpu[i] - cpu;
            long freeMem = allocMem[i] - reqMem[i] - mem;
            if (freeCpu < 0 || freeMem < 0) {
                continue;
            }
            double score = (allocCpu[i] == 0 ? 0 : (double) freeCpu / allocCpu[i]) + (allocMem[i] == 0 ? 0 : (double) freeMem / allocMem[i]);
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        if (best >= 0) {
            bind(p, best);
            if (taken != null) {
                taken.set(best);
            }
            return;
        }
        unschedulable.add(new Unschedulable(p, explain(p, e, taken)));
    }

    /**
     * A Job's pod: it must fit beside everything that keeps running, on a node it may use, but it
     * completes, so it holds nothing afterwards (not bound, not in the steady-state totals).
     */
    private void placeTransient(PodRequest p) {
        count(p);
        Eligibility e = eligibilityOf(p);
        for (int i : e.eligible()) {
            if (reqCpu[i] + p.requests().cpu().milli() <= allocCpu[i] && reqMem[i] + p.requests().memory().milli() <= allocMem[i]) {
                transientFits++;
                return;
            }
        }
        unschedulable.add(new Unschedulable(p, explain(p, e, null)));
    }

    private void bind(PodRequest p, int i) {
        reqCpu[i] += p.requests().cpu().milli();
        reqMem[i] += p.requests().memory().milli();
        limCpu[i] += p.limits().cpu().milli();
        limMem[i] += p.limits().memory().milli();
        placed.get(i).add(p);
    }

    private Eligibility eligibilityOf(PodRequest p) {
        Shape shape = new Shape(p.nodeSelector(), p.tolerations());
        return eligibility.computeIfAbsent(shape, s -> {
            String[] reason = new String[nodes.size()];
            int[] ok = new int[nodes.size()];
            int n = 0;
            for (int i = 0; i < nodes.size(); i++) {
                reason[i] = ineligible(nodes.get(i), s);
                if (reason[i] == null) {
                    ok[n++] = i;
                }
            }
            return new Eligibility(Arrays.copyOf(ok, n), reason);
        });
    }

    /** The scheduler's filter order: TaintToleration before NodeAffinity; the first failure is the reason. */
    private static String ineligible(NodeInfo node, Shape s) {
        for (Taint t : node.taints()) {
            if (t.effect().equals("PreferNoSchedule")) {
                continue;
            }
            boolean tolerated = false;
            for (Toleration tol : s.tolerations()) {
                if (tol.tolerates(t)) {
                    tolerated = true;
                    break;
                }
            }
            if (!tolerated) {
                return "untolerated taint " + t.shortForm();
            }
        }
        for (Map.Entry<String, String> sel : s.selector().entrySet()) {
            if (!sel.getValue().equals(node.labels().get(sel.getKey()))) {
                return "didn't match node selector " + sel.getKey() + (sel.getValue().isEmpty() ? "" : "=" + sel.getValue());
            }
        }
        return null;
    }

    private String explain(PodRequest p, Eligibility e, BitSet taken) {
        Map<String, List<Integer>> reasons = new LinkedHashMap<>();
        Map<String, List<Integer>> predicate = new TreeMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (e.reason()[i] != null) {
                predicate.computeIfAbsent(e.reason()[i], k -> new ArrayList<>()).add(i);
            } else if (taken != null && taken.get(i)) {
                predicate.computeIfAbsent("didn't match pod anti-affinity rules", k -> new ArrayList<>()).add(i);
            } else {
                resourceReasons(p, i, reasons);
            }
        }
        Map<String, List<Integer>> all = new LinkedHashMap<>(predicate);
        all.putAll(reasons);
        return "0/" + nodes.size() + " nodes available: " + format(p, all);
    }

    private void resourceReasons(PodRequest p, int i, Map<String, List<Integer>> reasons) {
        if (reqCpu[i] + p.requests().cpu().milli() > allocCpu[i]) {
            reasons.computeIfAbsent("insufficient cpu", k -> new ArrayList<>()).add(i);
        }
        if (reqMem[i] + p.requests().memory().milli() > allocMem[i]) {
            reasons.computeIfAbsent("insufficient memory", k -> new ArrayList<>()).add(i);
        }
    }

    private String format(PodRequest p, Map<String, List<Integer>> reasons) {
        List<String> parts = new ArrayList<>();
        reasons.forEach((reason, where) -> {
            StringBuilder b = new StringBuilder().append(where.size()).append(' ').append(reason);
            if (reason.equals("insufficient cpu") || reason.equals("insufficient memory")) {
                boolean cpu = reason.endsWith("cpu");
                b.append(" (needs ").append(cpu ? p.requests().cpu().toCpuString() : p.requests().memory().toMemoryString()).append(", free ");
                List<String> free = where.stream()
                        .map(i -> cpu ? allocCpu[i] - reqCpu[i] : allocMem[i] - reqMem[i])
                        .sorted(Comparator.reverseOrder())
                        .map(v -> cpu ? new Quantity(Math.max(0, v)).toCpuString() : new Quantity(Math.max(0, v)).toMemoryString())
                        .toList();
                b.append(String.join(", ", free.subList(0, Math.min(5, free.size()))));
                if (free.size() > 5) {
                    b.append(", …");
                }
                b.append(')');
            }
            parts.add(b.toString());
        });
        return String.join(", ", parts);
    }

    private CapacityReport report(Scenario scenario) {
        List<NodeUsage> usage = new ArrayList<>();
        Resources kube = new Resources(new Quantity(totals[0]), new Quantity(totals[1]));
        Resources comp = new Resources(new Quantity(totals[2]), new Quantity(totals[3]));
        Resources app = new Resources(new Quantity(totals[4]), new Quantity(totals[5]));
        Resources jobs = new Resources(new Quantity(totals[6]), new Quantity(totals[7]));
        Map<String, long[]> tiers = new LinkedHashMap<>();
        Map<String, Integer> tierNodes = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            NodeInfo n = nodes.get(i);
            Resources req = new Resources(new Quantity(reqCpu[i]), new Quantity(reqMem[i]));
            Resources lim = new Resources(new Quantity(limCpu[i]), new Quantity(limMem[i]));
            usage.add(new NodeUsage(n, req, lim, List.copyOf(placed.get(i))));
            long[] t = tiers.computeIfAbsent(n.tierName(), k -> new long[6]);
            t[0] += allocCpu[i];
            t[1] += allocMem[i];
            t[2] += reqCpu[i];
            t[3] += reqMem[i];
            t[4] += limCpu[i];
            t[5] += limMem[i];
            tierNodes.merge(n.tierName(), 1, Integer::sum);
        }
        List<TierUsage> tierUsage = new ArrayList<>();
        tiers.forEach((name, t) -> tierUsage.add(new TierUsage(name, tierNodes.get(name),
                new Resources(new Quantity(t[0]), new Quantity(t[1])), new Resources(new Quantity(t[2]), new Quantity(t[3])),
                new Resources(new Quantity(t[4]), new Quantity(t[5])))));
        return new CapacityReport(scenario, usage, tierUsage, List.copyOf(unschedulable), podCount, kube, comp, app, jobs, transientFits);
    }
}
