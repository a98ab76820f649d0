package dev.strata.render;

import dev.strata.catalog.Catalog;
import dev.strata.plan.Plan;
import dev.strata.plan.Planner;
import dev.strata.plan.capacity.Scenario;
import dev.strata.spec.PlatformSpec;

import java.util.List;

/**
 * Renders a spec as a GitOps tree. The generators are an explicit list; each writes its own
 * files and none writes another's. A spec whose plan fails (missing components, conflicts,
 * pods that do not fit) is not rendered: the plan's errors come back and nothing is produced.
 */
public final class Renderer {

    private final Catalog catalog;
    private final List<Generator> generators;

    public Renderer(Catalog catalog, List<Generator> generators) {
        this.catalog = catalog;
        this.generators = List.copyOf(generators);
    }

    public static Renderer bundled() {
        return new Renderer(Catalog.bundled(), Generators.all());
    }

    public RenderedTree render(PlatformSpec spec) {
        Plan plan = new Planner(catalog).plan(spec, Scenario.REPLICAS);
        if (!plan.fits()) {
            throw new RenderException(plan.capacity().unschedulable().stream().map(Object::toString).toList());
        }
        RenderContext ctx = new RenderContext(spec, plan, catalog);
        RenderedTree tree = new RenderedTree();
        for (Generator g : generators) {
            g.generate(ctx, tree);
        }
        return tree;
    }
}
