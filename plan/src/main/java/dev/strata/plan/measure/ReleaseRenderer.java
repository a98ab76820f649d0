package dev.strata.plan.measure;

import dev.strata.charts.render.HelmTemplate;
import dev.strata.plan.PlannedRelease;

import java.util.List;

/**
 * Renders a release's chart with the values the platform installs it with: the seam between the
 * plan and Helm (the real one reads the chart cache; tests hand in charts they package).
 */
public interface ReleaseRenderer {

    /** What rendering a release gave: its parts, or why there are none. */
    sealed interface Outcome permits Rendered, Unavailable {
    }

    record Rendered(List<HelmTemplate.Part> parts) implements Outcome {
    }

    /** @param why for people: "chart not in the cache", Helm's error */
    record Unavailable(String why) implements Outcome {
    }

    /** Never renders anything: the plan is sized from the catalog alone. */
    ReleaseRenderer NONE = (release, kubeVersion) -> new Unavailable("no chart cache given");

    Outcome render(PlannedRelease release, String kubeVersion);
}
