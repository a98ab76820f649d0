package dev.strata.cluster.up.steps;

import dev.strata.cluster.process.ProcessResult;
import dev.strata.cluster.up.Fingerprint;
import dev.strata.cluster.up.Step;
import dev.strata.cluster.up.UpContext;
import dev.strata.spec.Provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads the platform's images into the kind nodes from this machine's Docker, pulling each once on
 * the host: a fresh {@code up} then makes one registry pull per image instead of one per node and
 * restart, and a second cluster costs none (Docker Hub counts anonymous pulls). Images pinned by
 * digest are left to the nodes: {@code docker save} drops the digest and containerd would not match
 * the reference (kind issue #2394). An image that cannot be pulled here is a warning: the node pulls
 * it itself, as it would have anyway.
 */
public final class ImagesStep implements Step {

    private static final Duration PULL = Duration.ofMinutes(10);

    @Override
    public String id() {
        return "images";
    }

    @Override
    public String title(UpContext ctx) {
        return "Loading the platform's images into kind (each pulled once on this machine)";
    }

    @Override
    public Optional<String> notApplicable(UpContext ctx) {
        if (ctx.spec().cluster().provider() != Provider.KIND) {
            return Optional.of("only kind nodes are loaded from this machine's Docker");
        }
        return ctx.state().images().isEmpty() ? Optional.of("the prove step listed no images") : Optional.empty();
    }

    @Override
    public String fingerprint(UpContext ctx) {
        return Fingerprint.of(ctx.state().images().toArray(String[]::new));
    }

    @Override
    public String execute(UpContext ctx) {
        List<String> byDigest = new ArrayList<>();
        List<String> loadable = new ArrayList<>();
        List<String> unpulled = new ArrayList<>();
        int cached = 0;
        int pulled = 0;
        for (String image : ctx.state().images()) {
            if (image.contains("@sha256:")) {
                byDigest.add(image);
                continue;
            }
            if (ctx.seams().runner().run(List.of("docker", "image", "inspect", "--format", "{{.Id}}", image), Duration.ofSeconds(30)).ok()) {
                cached++;
                loadable.add(image);
                continue;
            }
            ctx.progress().info("pulling " + image);
            ProcessResult r = ctx.seams().runner().run(List.of("docker", "pull", "--quiet", image), PULL);
            if (r.ok()) {
                pulled++;
                loadable.add(image);
            } else {
                unpulled.add(image);
                ctx.progress().info("warning: " + image + " could not be pulled here (" + r.lastError() + "); the nodes will pull it");
            }
        }
        int loaded = 0;
        if (!loadable.isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of("kind", "load", "docker-image", "--name", ctx.spec().cluster().name()));
            cmd.addAll(loadable);
            ProcessResult r = ctx.seams().runner().run(cmd, PULL);
            if (r.ok()) {
                loaded = loadable.size();
            } else {
                ctx.progress().info("warning: kind load docker-image failed (" + r.lastError() + "); the nodes will pull the images");
            }
        }
        return ctx.state().images().size() + " images: " + cached + " from this machine's cache, " + pulled + " pulled, " + loaded + " loaded into the nodes"
                + (byDigest.isEmpty() ? "" : "; " + byDigest.size() + " pinned by digest left to the nodes")
                + (unpulled.isEmpty() ? "" : "; " + unpulled.size() + " not pullable here");
    }
}
