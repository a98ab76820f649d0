package dev.strata.cli;

import dev.strata.charts.ChartCache;
import dev.strata.cluster.Lifecycle;
import dev.strata.cluster.Seams;
import dev.strata.cluster.up.PlatformProof;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Options every live command shares: how to find its tools. */
public final class ClusterOptions {

    @Option(names = "--tool", paramLabel = "NAME=PATH", hidden = true,
            description = "Use this executable for a tool (docker, kind, talosctl) instead of looking it up.")
    Map<String, Path> tools = new LinkedHashMap<>();

    public Seams seams() {
        return seams(new DeepProof(ChartCache.standard(), Optional.empty()));
    }

    public Seams seams(PlatformProof proof) {
        return Lifecycle.real(tools, proof);
    }
}
