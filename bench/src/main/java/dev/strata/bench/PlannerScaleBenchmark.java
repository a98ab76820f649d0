package dev.strata.bench;

import dev.strata.catalog.Resources;
import dev.strata.plan.capacity.CapacityReport;
import dev.strata.plan.capacity.NodeInfo;
import dev.strata.plan.capacity.PodCategory;
import dev.strata.plan.capacity.PodRequest;
import dev.strata.plan.capacity.Scenario;
import dev.strata.plan.capacity.Scheduler;
import dev.strata.plan.capacity.Toleration;
import dev.strata.spec.Taint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The capacity planner at scale: 1,000 nodes in three tiers (a tainted platform tier), 20,000
 * pods from 400 workloads with selectors, tolerations, DaemonSets and required anti-affinity.
 * Target: one full placement under 2 s on a 2-core machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class PlannerScaleBenchmark {

    @Param({"1000"})
    int nodes;

    @Param({"20000"})
    int pods;

    List<NodeInfo> nodeList;
    List<PodRequest> podList;

    @Setup(Level.Trial)
    public void setUp() {
        nodeList = nodes(nodes);
        podList = pods(pods, nodes);
    }

    static List<NodeInfo> nodes(int n) {
        Taint platform = new Taint("strata.dev/tier", "platform", "NoSchedule");
        Taint cp = new Taint("node-role.kubernetes.io/control-plane", "", "NoSchedule");
        List<NodeInfo> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean isCp = i < 3;
            String tier = isCp ? "" : i % 5 == 0 ? "platform" : "apps";
            Resources cap = Resources.of(isCp ? "4" : "16", isCp ? "16Gi" : "64Gi");
            out.add(new NodeInfo("node-" + i, tier.isEmpty() ? "cp" : tier, isCp, tier.isEmpty() ? Optional.empty() : Optional.of(tier),
                    tier.isEmpty() ? Map.of("node-role.kubernetes.io/control-plane", "") : Map.of("strata.dev/tier", tier),
                    isCp ? List.of(cp) : tier.equals("platform") ? List.of(platform) : List.of(), cap, cap.minus(Resources.of("100m", "256Mi"))));
        }
        return out;
    }

    static List<PodRequest> pods(int total, int nodes) {
        Toleration platform = Toleration.of(new Taint("strata.dev/tier", "platform", "NoSchedule"));
        List<PodRequest> out = new ArrayList<>(total);
        int workloads = 400;
        for (int w = 0; w < 4; w++) {
            out.add(new PodRequest("agent-" + w, "kube-system", "agent", PodCategory.COMPONENT, Resources.of("20m", "64Mi"), Resources.of("100m", "128Mi"),
                    Map.of(), List.of(Toleration.ALL), true, false, Optional.empty()));
        }
        int remaining = total - 4 * nodes;
        int perWorkload = Math.max(1, remaining / workloads);
        for (int w = 0; w < workloads && out.size() < total; w++) {
            boolean plat = w % 4 == 0;
            Map<String, String> sel = Map.of("strata.dev/tier", plat ? "platform" : "apps");
            List<Toleration> tol = plat ? List.of(platform) : List.of();
            Optional<String> anti = w % 10 == 0 ? Optional.of("wl-" + w) : Optional.empty();
            Resources req = Resources.of((10 + w % 7 * 15) + "m", (32 + w % 9 * 48) + "Mi");
            for (int r = 0; r < perWorkload && out.size() < total; r++) {
                out.add(new PodRequest("wl-" + w + "-" + r, "ns-" + w, "wl-" + w, plat ? PodCategory.COMPONENT : PodCategory.APP, req, req.times(2),
                        sel, tol, false, false, anti.filter(a -> out.size() % 50 == 0)));
            }
        }
        return out;
    }

    @Benchmark
    public CapacityReport placeEveryPod() {
        return new Scheduler(nodeList).schedule(podList, Scenario.REPLICAS);
    }
}
