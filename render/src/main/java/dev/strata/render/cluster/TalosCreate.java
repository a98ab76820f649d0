package dev.strata.render.cluster;

import dev.strata.catalog.Quantity;
import dev.strata.catalog.Resources;
import dev.strata.spec.ClusterSpec;
import dev.strata.spec.NodeGroup;
import dev.strata.spec.NodeRole;
import dev.strata.spec.Taint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How a local Talos cluster is created from the rendered patches with the Docker provisioner, in
 * one place for the comment the render writes and for {@code strata up}, which runs it.
 *
 * <p>The Docker provisioner creates one control plane and applies one worker patch to every worker;
 * with several worker groups no worker patch is passed at creation and each worker gets its group's
 * patch afterwards ({@link #followUps}), its taints set first with admin credentials (a registered
 * node's kubelet may no longer add taints: NodeRestriction).
 *
 * @param command   the {@code talosctl cluster create docker} command line
 * @param followUps per worker, in node order, when there are several worker groups
 */
public record TalosCreate(List<String> command, List<FollowUp> followUps, int controlPlanes, int workers) {

    public static final String CONTROL_PLANE_FILE = "controlplane.yaml";

    /** A worker that gets its group's patch after creation. */
    public record FollowUp(String node, String group, List<Taint> taints, String patchFile) {
    }

    /**
     * @param dir where the patches are, as the command should name them ({@code clusters/<name>/talos/}
     *            from the tree's root, or an absolute path)
     */
    public static TalosCreate of(ClusterSpec cluster, String image, String dir) {
        List<NodeGroup> cps = cluster.nodes().stream().filter(g -> g.role() == NodeRole.CONTROL_PLANE).toList();
        List<NodeGroup> workers = cluster.nodes().stream().filter(g -> g.role() == NodeRole.WORKER).toList();
        int cpCount = cps.stream().mapToInt(NodeGroup::count).sum();
        int workerCount = workers.stream().mapToInt(NodeGroup::count).sum();
        Resources cpSize = largest(cps);
        Resources workerSize = largest(workers);
        List<String> cmd = new ArrayList<>(List.of("talosctl", "cluster", "create", "docker",
                "--name", cluster.name(),
                "--image", image,
                "--kubernetes-version", cluster.kubernetesVersion().replaceFirst("^v", ""),
                "--workers", Integer.toString(workerCount),
                "--cpus-controlplanes", cores(cpSize.cpu()), "--memory-controlplanes", memory(cpSize.memory())));
        if (workerCount > 0) {
            cmd.addAll(List.of("--cpus-workers", cores(workerSize.cpu()), "--memory-workers", memory(workerSize.memory())));
        }
        cmd.addAll(List.of("--config-patch-controlplanes", "@" + dir + CONTROL_PLANE_FILE));
        if (workers.size() == 1) {
            cmd.addAll(List.of("--config-patch-workers", "@" + dir + workers.get(0).name() + ".yaml"));
        }
        List<FollowUp> follow = new ArrayList<>();
        if (workers.size() > 1) {
            int n = 0;
            for (NodeGroup g : workers) {
                for (int i = 0; i < g.count(); i++) {
                    n++;
                    follow.add(new FollowUp(cluster.name() + "-worker-" + n, g.name(), g.taints(), dir + g.name() + ".yaml"));
                }
            }
        }
        return new TalosCreate(List.copyOf(cmd), List.copyOf(follow), cpCount, workerCount);
    }

    private static Resources largest(List<NodeGroup> groups) {
        Resources r = Resources.NONE;
        for (NodeGroup g : groups) {
            r = r.max(g.capacity());
        }
        return r;
    }

    /** talosctl takes CPUs as a decimal fraction ("2", "1.5"). */
    static String cores(Quantity cpu) {
        return BigDecimal.valueOf(cpu.millicores()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    /** talosctl takes memory as a byte size with a binary unit ("4GiB", "512MiB"). */
    static String memory(Quantity memory) {
        String s = memory.toMemoryString();
        return s.matches("\\d+[KMGTPE]i") ? s + "B" : memory.bytes() + "B";
    }
}
