package dev.strata.cluster.up;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.process.ProcessResult;
import dev.strata.cluster.process.ProcessRunner;
import dev.strata.spec.NodeRole;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Local Talos: {@code talosctl cluster create docker} with the rendered machine-config patches
 * ({@code clusters/<name>/talos/*.yaml}: files named controlplane* apply to control planes,
 * worker* to workers, any other to all nodes). The context is {@code admin@<name>}.
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
        return r.ok() && !r.stdout().isBlank();
    }

    @Override
    public String create(UpContext ctx) {
        var cluster = ctx.spec().cluster();
        int controlPlanes = cluster.nodes().stream().filter(g -> g.role() == NodeRole.CONTROL_PLANE).mapToInt(g -> g.count()).sum();
        int workers = cluster.nodeCount() - controlPlanes;
        List<String> cmd = new ArrayList<>(List.of("talosctl", "cluster", "create", "docker", "--name", name,
                "--controlplanes", String.valueOf(controlPlanes), "--workers", String.valueOf(workers),
                "--kubernetes-version", cluster.kubernetesVersion().replaceFirst("^v", "")));
        ctx.talosImage().ifPresent(img -> cmd.addAll(List.of("--image", img)));
        String prefix = "clusters/" + name + "/talos/";
        List<String> patches = ctx.tree().files().keySet().stream().filter(p -> p.startsWith(prefix) && p.endsWith(".yaml")).toList();
        if (patches.isEmpty()) {
            throw new ClusterException("the render has no " + prefix + "*.yaml machine-config patches; Talos needs them (is spec.cluster.provider talos?)");
        }
        for (String p : patches) {
            String file = p.substring(prefix.length());
            String flag = file.startsWith("controlplane") ? "--config-patch-control-plane" : file.startsWith("worker") ? "--config-patch-worker" : "--config-patch";
            cmd.addAll(List.of(flag, "@" + ctx.specDir().resolve(p)));
        }
        ProcessResult r = runner.runVisible(cmd, Duration.ofMinutes(20));
        if (!r.ok()) {
            throw new ClusterException("talosctl cluster create docker --name " + name + " failed: " + r.lastError());
        }
        return controlPlanes + " control plane" + (controlPlanes == 1 ? "" : "s") + ", " + workers + " worker" + (workers == 1 ? "" : "s");
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
