package dev.strata.render.cluster;

import dev.strata.render.Generator;
import dev.strata.render.RenderContext;
import dev.strata.render.RenderedTree;

/**
 * How the cluster itself is created: {@code clusters/<cluster>/kind.yaml} for kind,
 * {@code clusters/<cluster>/talos/*.yaml} machine-config patches for Talos, nothing for an
 * existing cluster (Strata does not create it).
 */
public final class ClusterConfigGenerator implements Generator {

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public void generate(RenderContext ctx, RenderedTree out) {
        NodeLabels.requireSelfAssignable(ctx.spec().cluster());
        switch (ctx.spec().cluster().provider()) {
            case KIND -> out.put("clusters/" + ctx.facts().clusterName() + "/kind.yaml", KindConfig.render(ctx));
            case TALOS -> TalosPatches.render(ctx, out);
            case EXISTING -> {
                // An existing cluster is used as it is: nothing to create, nothing to write.
            }
        }
    }
}
