package dev.strata.cluster.up;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.process.ProcessResult;
import dev.strata.cluster.process.ProcessRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code kind create cluster --config clusters/<name>/kind.yaml}; the context is {@code kind-<name>}. */
public final class KindProvisioner implements Provisioner {

    private final ProcessRunner runner;
    private final String name;

    public KindProvisioner(ProcessRunner runner, String name) {
        this.runner = runner;
        this.name = name;
    }

    public static String configPath(String cluster) {
        return "clusters/" + cluster + "/kind.yaml";
    }

    @Override
    public String describe() {
        return "kind cluster " + name;
    }

    @Override
    public boolean exists() {
        ProcessResult r = runner.run(List.of("kind", "get", "clusters"), Duration.ofSeconds(30));
        if (!r.ok()) {
            throw new ClusterException("cannot tell whether the " + describe() + " exists: " + r.lastError()
                    + "; nothing was changed (strata doctor says what is missing)");
        }
        return r.stdout().lines().anyMatch(l -> l.strip().equals(name));
    }

    @Override
    public String create(UpContext ctx) {
        String config = configPath(name);
        if (!ctx.tree().contains(config)) {
            throw new ClusterException("the render has no " + config + "; kind needs it (is spec.cluster.provider kind?)");
        }
        ProcessResult r = runner.runVisible(List.of("kind", "create", "cluster", "--name", name,
                "--config", ctx.specDir().resolve(config).toString()), Duration.ofMinutes(10));
        if (!r.ok()) {
            throw new ClusterException("kind create cluster --name " + name + " failed: " + r.lastError());
        }
        return "context kind-" + name;
    }

    @Override
    public void delete() {
        ProcessResult r = runner.runVisible(List.of("kind", "delete", "cluster", "--name", name), Duration.ofMinutes(5));
        if (!r.ok()) {
            throw new ClusterException("kind delete cluster --name " + name + " failed: " + r.lastError());
        }
    }

    @Override
    public Optional<String> kubeContext() {
        return Optional.of("kind-" + name);
    }

    @Override
    public boolean owned() {
        return true;
    }

    /** Loads an image archive (the sample API's Jib tar) into every node. */
    public void loadImage(Path archive) {
        ProcessResult r = runner.runVisible(List.of("kind", "load", "image-archive", archive.toString(), "--name", name), Duration.ofMinutes(10));
        if (!r.ok()) {
            throw new ClusterException("kind load image-archive " + archive + " failed: " + r.lastError());
        }
    }
}
