package dev.strata.cluster.up.steps;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.up.Fingerprint;
import dev.strata.cluster.up.KindProvisioner;
import dev.strata.cluster.up.Step;
import dev.strata.cluster.up.UpContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates the cluster from the rendered configuration, or reuses it when it exists. A running
 * kind or Talos cluster cannot take a changed node layout: that is said, not silently ignored.
 */
public final class ClusterStep implements Step {

    @Override
    public String id() {
        return "cluster";
    }

    @Override
    public String title(UpContext ctx) {
        return switch (ctx.spec().cluster().provider()) {
            case KIND, TALOS -> "Creating the " + ctx.provisioner().describe();
            case EXISTING -> "Using " + ctx.provisioner().describe();
        };
    }

    @Override
    public String fingerprint(UpContext ctx) {
        List<String> parts = new ArrayList<>(List.of(ctx.spec().cluster().provider().id(), ctx.spec().cluster().name()));
        String prefix = "clusters/" + ctx.spec().cluster().name() + "/";
        ctx.tree().files().forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                parts.add(k);
                parts.add(v);
            }
        });
        return Fingerprint.of(parts.toArray(String[]::new));
    }

    @Override
    public String execute(UpContext ctx) {
        var p = ctx.provisioner();
        if (!p.owned()) {
            return p.create(ctx);
        }
        if (p.exists()) {
            if (ctx.state().note("cluster-config").filter(f -> !f.equals(fingerprint(ctx))).isPresent()) {
                throw new ClusterException("the " + p.describe() + " was created from a different cluster configuration ("
                        + KindProvisioner.configPath(ctx.spec().cluster().name()) + " or the Talos patches changed); a running cluster cannot take it: "
                        + "run strata down, then strata up");
            }
            ctx.state().putNote("cluster-config", fingerprint(ctx));
            return "exists, reused";
        }
        String detail = p.create(ctx);
        ctx.state().putNote("cluster-config", fingerprint(ctx));
        return detail;
    }
}
