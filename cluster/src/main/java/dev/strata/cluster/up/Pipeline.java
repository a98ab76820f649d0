package dev.strata.cluster.up;

import dev.strata.cluster.ClusterException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the steps in order, kind-style: each is announced, then ✓ or ✗. A step that does not
 * apply, or that finished before with the same inputs, is listed as skipped with the reason.
 * A failing step is recorded in the state file and stops the run; the next run resumes there.
 */
public final class Pipeline {

    private final List<Step> steps;

    public Pipeline(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public List<Step> steps() {
        return steps;
    }

    /** Per-step outcome for the summary. */
    public record Outcome(String step, String title, Status status, Duration duration, String detail) {
        public enum Status { DONE, UNCHANGED, NOT_APPLICABLE }
    }

    public List<Outcome> run(UpContext ctx) {
        List<Outcome> outcomes = new ArrayList<>();
        Progress p = ctx.progress();
        for (Step step : steps) {
            String title = step.title(ctx);
            Optional<String> na = step.notApplicable(ctx);
            if (na.isPresent()) {
                p.skipped(title, na.get());
                outcomes.add(new Outcome(step.id(), title, Outcome.Status.NOT_APPLICABLE, Duration.ZERO, na.get()));
                continue;
            }
            String fingerprint = step.alwaysRuns() ? "" : step.fingerprint(ctx);
            if (!step.alwaysRuns() && ctx.state().done(step.id(), fingerprint)) {
                p.skipped(title, "unchanged since the last run");
                outcomes.add(new Outcome(step.id(), title, Outcome.Status.UNCHANGED, Duration.ZERO, ""));
                continue;
            }
            Instant start = ctx.seams().ticker().now();
            p.start(title);
            String detail;
            try {
                detail = step.execute(ctx);
            } catch (RuntimeException e) {
                p.failed(e.getMessage());
                ctx.state().markFailed(step.id(), String.valueOf(e.getMessage()));
                throw e instanceof ClusterException c ? c : new ClusterException(title + ": " + e, e);
            }
            Duration took = Duration.between(start, ctx.seams().ticker().now());
            p.done(detail.isEmpty() ? seconds(took) : detail + ", " + seconds(took));
            if (!step.alwaysRuns()) {
                ctx.state().markDone(step.id(), fingerprint, took.toMillis() / 1000.0);
            } else {
                ctx.state().clearFailure(step.id());
            }
            outcomes.add(new Outcome(step.id(), title, Outcome.Status.DONE, took, detail));
        }
        return outcomes;
    }

    static String seconds(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + "s" : (s / 60) + "m" + String.format("%02d", s % 60) + "s";
    }
}
