package dev.strata.cluster.up;

import dev.strata.plan.Plan;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Proves the platform before anything is created: every chart the plan installs pulled at its pinned
 * version (and its sha256 recorded in {@code charts.lock} beside the spec), then the rendered tree
 * checked as the cluster will run it ({@code strata check --deep}). The real proof lives in the CLI,
 * which joins the chart cache and the check engine; the lifecycle depends on neither.
 */
public interface PlatformProof {

    /**
     * @param charts   charts in the cache after the pull
     * @param objects  objects the deep check judged (the tree and every rendered chart)
     * @param errors   one line per error finding ({@code file:line rule message}), or per chart that could not be pulled
     * @param warnings how many warnings the check found (they do not stop {@code up})
     * @param images   every image the platform's pods run, as the rendered charts and the operators'
     *                 declared workloads name them (what {@code up} loads into kind once)
     */
    record Result(int charts, int objects, List<String> errors, int warnings, List<String> images) {

        public Result {
            errors = List.copyOf(errors);
            images = List.copyOf(images);
        }

        public Result(int charts, int objects, List<String> errors, int warnings) {
            this(charts, objects, errors, warnings, List.of());
        }
    }

    /** Pulls and checks; {@code info} receives a line per chart pulled or failed, for the user to follow. */
    Result prove(Path specDir, Plan plan, Consumer<String> info);
}
