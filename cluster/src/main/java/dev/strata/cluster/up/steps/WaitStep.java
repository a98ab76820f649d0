package dev.strata.cluster.up.steps;

import dev.strata.cluster.up.Step;
import dev.strata.cluster.up.UpContext;
import dev.strata.cluster.wait.ApplicationWaiter;
import dev.strata.cluster.wait.WaitDisplay;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;

/**
 * Waits, with the live table, until every Application of the tree is Synced and Healthy — and
 * those that read the repository are synced to the commit {@code up} pushed, not an older one.
 */
public final class WaitStep implements Step {

    /** How long an Application may stay Degraded before the wait gives up on it. */
    public static final Duration DEGRADED_GRACE = Duration.ofMinutes(3);

    @Override
    public String id() {
        return "wait";
    }

    @Override
    public String title(UpContext ctx) {
        return "Waiting for every Application to be Synced and Healthy";
    }

    @Override
    public boolean alwaysRuns() {
        return true;
    }

    @Override
    public String fingerprint(UpContext ctx) {
        return "";
    }

    @Override
    public String execute(UpContext ctx) {
        var expected = new LinkedHashSet<>(ctx.applications().names());
        Optional<String> revision = ctx.seams().git().head(RenderStep.repositoryRoot(ctx));
        var apps = new ApplicationWaiter(ctx.kube(), ctx.seams().ticker(), WaitDisplay.of(ctx.progress().out(), ctx.progress().terminal()),
                ctx.options().timeout(), DEGRADED_GRACE).await(expected, revision, ctx.applications().reading(ctx.facts().repoUrl()));
        return apps.size() + " Applications" + revision.map(r -> " at " + r.substring(0, 8)).orElse("");
    }
}
