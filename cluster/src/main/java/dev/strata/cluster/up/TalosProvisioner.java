package dev.strata.cluster.up;

import dev.strata.render.cluster.TalosCreate;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.process.ProcessResult;
import dev.strata.cluster.process.ProcessRunner;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Local Talos: {@code talosctl cluster create docker} with the rendered machine-config patches
 * ({@code clusters/<name>/talos/controlplane.yaml} and one {@code <group>.yaml} per worker group),
 * built by {@link TalosCreate} exactly as the render documents it. The context is {@code admin@<name>}.
 */
public final class TalosProvisioner implements Provisioner {

    private final ProcessRunner runner;
    private final String name;

    public TalosProvisioner(ProcessRunner runner, String name) {
        this.runner = runner;
        this.name = name;
    }

    @Override
    public String describe() {
        return "Talos cluster " + name + " (Docker provisioner)";
    }

    @Override
    public boolean exists() {
        ProcessResult r = runner.run(List.of("docker", "ps", "-a", "-q", "--filter", "label=talos.cluster.name=" + name), Duration.ofSeconds(30));
        if (!r.ok()) {
            throw new ClusterException("cannot tell whether the " + describe() + " exists: " + r.lastError()
                    + "; nothing was changed (strata doctor says what is missing)");
        }
        return !r.stdout().isBlank();
    }

    @Override
    public String create(UpContext ctx) {
        String prefix = "clusters/" + name + "/talos/";
        if (ctx.tree().files().keySet().stream().noneMatch(p -> p.startsWith(prefix) && p.endsWith(".yaml"))) {
            throw new ClusterException("the render has no " + prefix + "*.yaml machine-config patches; Talos needs them (is spec.cluster.provider talos?)");
        }
        String image = Provisioner.tool(ctx.spec(), ctx.seams().catalog()).map(t -> t.images().get("talos")).orElseThrow(() -> new ClusterException("the catalog entry talos names no node image"));
        // the same command the render writes into controlplane.yaml, with the patches' absolute paths
        TalosCreate create = TalosCreate.of(ctx.spec().cluster(), image, ctx.specDir().resolve(prefix).toString() + "/");
        ProcessResult r = runner.runVisible(create.command(), Duration.ofMinutes(20));
        if (!r.ok()) {
            throw new ClusterException("talosctl cluster create docker --name " + name + " failed: " + r.lastError());
        }
        for (TalosCreate.FollowUp f : create.followUps()) {
            applyGroupPatch(f);
        }
        return create.controlPlanes() + " control plane" + (create.controlPlanes() == 1 ? "" : "s") + ", "
                + create.workers() + " worker" + (create.workers() == 1 ? "" : "s");
    }

    /**
     * Several worker groups: the Docker provisioner gave every worker the same config, so each gets
     * its group's patch now — its taints first (its kubelet may not add them to a registered node).
     */
    private void applyGroupPatch(TalosCreate.FollowUp f) {
        String context = "admin@" + name;
        for (var t : f.taints()) {
            ProcessResult taint = runner.run(List.of("kubectl", "--context", context, "taint", "nodes", f.node(), t.toString(), "--overwrite"),
                    Duration.ofMinutes(2));
            if (!taint.ok()) {
                throw new ClusterException("tainting " + f.node() + " (" + t + ") failed: " + taint.lastError());
            }
        }
        ProcessResult ip = runner.run(List.of("kubectl", "--context", context, "get", "node", f.node(), "-o",
                "jsonpath={.status.addresses[?(@.type==\"InternalIP\")].address}"), Duration.ofMinutes(2));
        if (!ip.ok() || ip.stdout().isBlank()) {
            throw new ClusterException("finding the address of " + f.node() + " failed: " + ip.lastError());
        }
        ProcessResult patch = runner.runVisible(List.of("talosctl", "--context", name, "--nodes", ip.stdout().strip(), "patch", "machineconfig",
                "--patch", "@" + f.patchFile()), Duration.ofMinutes(5));
        if (!patch.ok()) {
            throw new ClusterException("applying " + f.patchFile() + " to " + f.node() + " failed: " + patch.lastError());
        }
    }

    @Override
    public void delete() {
        ProcessResult r = runner.runVisible(List.of("talosctl", "cluster", "destroy", "--name", name), Duration.ofMinutes(10));
        if (!r.ok()) {
            throw new ClusterException("talosctl cluster destroy --name " + name + " failed: " + r.lastError());
        }
    }

    @Override
    public Optional<String> kubeContext() {
        return Optional.of("admin@" + name);
    }

    @Override
    public boolean owned() {
        return true;
    }
}
