package dev.strata.cluster.up.steps;

import dev.strata.charts.ChartLock;
import dev.strata.cluster.ClusterException;
import dev.strata.cluster.up.Fingerprint;
import dev.strata.cluster.up.PlatformProof;
import dev.strata.cluster.up.Step;
import dev.strata.cluster.up.UpContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Before any cluster exists: pulls the charts the platform installs and deep-checks the rendered tree
 * with them ({@code strata charts pull} + {@code strata check --deep}). An error stops {@code up}
 * here, with the findings, so that nothing is created that would not come up. The pull records
 * {@code charts.lock}, which is committed with the tree so that Argo CD and the next run use the
 * same archives.
 */
public final class ProveStep implements Step {

    /** Shown with the findings: how to see them again, and in full. */
    static final String RERUN = "strata check --deep";

    @Override
    public String id() {
        return "prove";
    }

    @Override
    public String title(UpContext ctx) {
        return "Proving the platform with its charts (pull, then check --deep)";
    }

    @Override
    public String fingerprint(UpContext ctx) {
        List<String> parts = Fingerprint.treeParts(ctx.tree().files());
        Path lock = ctx.specDir().resolve(ChartLock.FILE_NAME);
        try {
            parts.add(Files.isRegularFile(lock) ? Files.readString(lock) : "no lock");
        } catch (IOException e) {
            parts.add("unreadable lock");
        }
        return Fingerprint.of(parts.toArray(String[]::new));
    }

    @Override
    public String execute(UpContext ctx) {
        PlatformProof.Result r = ctx.seams().proof().prove(ctx.specDir(), ctx.plan(), ctx.progress()::info);
        if (!r.errors().isEmpty()) {
            throw new ClusterException("the platform would not come up as rendered: " + r.errors().size()
                    + (r.errors().size() == 1 ? " error" : " errors") + " before any cluster was created (see " + RERUN + ")", r.errors());
        }
        ctx.state().images(r.images());
        Path lock = ctx.specDir().resolve(ChartLock.FILE_NAME);
        String committed = "";
        if (Files.isRegularFile(lock)) {
            Path root = RenderStep.repositoryRoot(ctx);
            String rel = root.relativize(lock).toString().replace('\\', '/');
            String commit = ctx.seams().git().commit(root, List.of(rel), ctx.spec().git().branch(), "strata up: " + ChartLock.FILE_NAME);
            committed = ", " + ChartLock.FILE_NAME + " at " + commit.substring(0, 8);
        }
        return r.charts() + " charts, " + r.objects() + " objects, 0 errors, " + r.warnings()
                + (r.warnings() == 1 ? " warning" : " warnings") + ", " + r.images().size() + " images" + committed;
    }
}
