package dev.strata.cli;

import dev.strata.charts.ChartCache;
import dev.strata.cluster.ClusterException;
import dev.strata.cluster.Lifecycle;
import dev.strata.cluster.Seams;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Options every live command shares, and how a lifecycle failure is printed. */
public final class ClusterOptions {

    @Option(names = "--tool", paramLabel = "NAME=PATH", hidden = true,
            description = "Use this executable for a tool (docker, kind, talosctl) instead of looking it up.")
    Map<String, Path> tools = new LinkedHashMap<>();

    public Seams seams() {
        return seams(new DeepProof(ChartCache.standard(), Optional.empty()));
    }

    public Seams seams(dev.strata.cluster.up.PlatformProof proof) {
        return Lifecycle.real(tools, proof);
    }

    /** A client for the spec's cluster, after checking that its API server answers. */
    static dev.strata.cluster.kube.Kube connect(dev.strata.spec.PlatformSpec platform, Seams seams) {
        var kube = seams.kubes().apply(dev.strata.cluster.up.UpContext.provisioner(platform, seams).kubeContext());
        if (!kube.reachable()) {
            throw new ClusterException("no cluster answers at " + kube.describe() + "; is it up? (strata up creates it; strata doctor says what is missing)");
        }
        return kube;
    }

    /** Prints the failure with its evidence; returns exit code 1. */
    static int report(PrintWriter err, String command, ClusterException e) {
        err.println("strata " + command + ": " + e.getMessage());
        e.evidence().forEach(l -> err.println("  " + l));
        err.flush();
        return Strata.WRONG;
    }
}
