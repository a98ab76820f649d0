package dev.strata.plan;

import dev.strata.catalog.Catalog;
import dev.strata.plan.capacity.PodFactory;
import dev.strata.plan.facts.PlatformFacts;
import dev.strata.plan.measure.Measurement;
import dev.strata.plan.measure.ReleaseRenderer;
import dev.strata.plan.capacity.Scenario;
import dev.strata.plan.capacity.Scheduler;
import dev.strata.spec.PlatformSpec;

import java.util.List;

/** Resolves, orders and sizes a platform: the engine behind `strata plan`, usable without the CLI. */
public final class Planner {

    private final Catalog catalog;

    public Planner(Catalog catalog) {
        this.catalog = catalog;
    }

    public static Planner bundled() {
        return new Planner(Catalog.bundled());
    }

    /**
     * The plan sized from the catalog's declarations alone (what {@code render} documents, so that a
     * rendered tree never depends on what this machine has cached).
     *
     * @throws PlanException when components are missing, in conflict, unsupported or in a cycle
     */
    public Plan plan(PlatformSpec spec, Scenario scenario) {
        return plan(spec, scenario, ReleaseRenderer.NONE);
    }

    /**
     * The plan sized from the pods the charts really render with the planned values, wherever
     * {@code charts} can render a release; the catalog's declaration elsewhere.
     */
    public Plan plan(PlatformSpec spec, Scenario scenario, ReleaseRenderer charts) {
        List<ResolvedComponent> resolved = new Resolver(catalog).resolve(spec);
        PlatformFacts facts = new PlatformFacts(spec, resolved);
        List<PlannedRelease> releases = ReleasePlanner.plan(facts);
        List<Wave> waves = new WavePlanner().plan(spec, resolved);
        Measurement measurement = charts == ReleaseRenderer.NONE ? Measurement.declaredOnly(releases)
                : Measurement.of(releases, charts, spec.cluster().kubernetesVersion());
        Scheduler scheduler = new Scheduler(facts.nodes());
        return new Plan(spec, resolved, releases, waves, facts,
                scheduler.schedule(PodFactory.pods(catalog, spec, releases, scenario, measurement.rendered()), scenario), measurement);
    }
}
