package dev.strata.cluster.up.steps;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.doctor.Needs;
import dev.strata.cluster.process.ProcessResult;
import dev.strata.cluster.up.Fingerprint;
import dev.strata.cluster.up.KindProvisioner;
import dev.strata.cluster.up.Step;
import dev.strata.cluster.up.UpContext;
import dev.strata.cluster.up.UpOptions;
import dev.strata.spec.AppSpec;
import dev.strata.spec.PlatformSpec;
import dev.strata.spec.Provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Loads the sample API image (a Jib tar) into the kind nodes, so no registry is needed: the archive
 * the user gives, or the one the Strata checkout builds (Jib in Maven, no Docker daemon, for this
 * machine's architecture) when there is none yet. A missing image is an error (doctor says so
 * first), never a step skipped: without it the apps never start.
 */
public final class LoadImageStep implements Step {

    /** Where {@code ./mvnw -pl sample-api jib:buildTar} writes the image, inside the Strata checkout. */
    public static final Path DEFAULT_ARCHIVE = Path.of("sample-api", "target", "sample-api-image.tar");
    /** Apps whose image is only ever local (the sample API's default) need the archive loaded. */
    static final String LOCAL_REGISTRY = "strata.local/";
    private static final Duration BUILD = Duration.ofMinutes(15);

    @Override
    public String id() {
        return "image";
    }

    @Override
    public String title(UpContext ctx) {
        return "Loading the sample API image into kind";
    }

    /** The image a spec needs loaded, when it runs apps with the local-only image on kind. */
    public static Optional<Needs.Image> need(PlatformSpec spec, UpOptions options) {
        if (spec.cluster().provider() != Provider.KIND || spec.apps().stream().map(AppSpec::image).noneMatch(i -> i.startsWith(LOCAL_REGISTRY))) {
            return Optional.empty();
        }
        Path archive = options.imageArchive().orElseGet(() -> options.checkout().map(c -> c.resolve(DEFAULT_ARCHIVE)).orElse(DEFAULT_ARCHIVE));
        return Optional.of(new Needs.Image(archive, options.imageArchive().isEmpty() && options.checkout().isPresent()));
    }

    @Override
    public Optional<String> notApplicable(UpContext ctx) {
        if (ctx.spec().cluster().provider() != Provider.KIND) {
            return Optional.of("only kind loads image archives; push the image to a registry the cluster can pull from");
        }
        if (need(ctx.spec(), ctx.options()).isEmpty()) {
            return Optional.of("no app runs the local sample API image");
        }
        return Optional.empty();
    }

    @Override
    public String fingerprint(UpContext ctx) {
        Path a = need(ctx.spec(), ctx.options()).orElseThrow().archive();
        try {
            return Fingerprint.of(a.toAbsolutePath().toString(), String.valueOf(Files.size(a)), Files.getLastModifiedTime(a).toString());
        } catch (IOException e) {
            return Fingerprint.of(a.toString(), "missing");
        }
    }

    @Override
    public String execute(UpContext ctx) {
        Needs.Image image = need(ctx.spec(), ctx.options()).orElseThrow();
        String built = "";
        if (!Files.isRegularFile(image.archive())) {
            if (!image.buildable()) {
                throw new ClusterException("no sample API image at " + image.archive() + ": build it in the Strata checkout "
                        + "(./mvnw -pl sample-api -am package jib:buildTar) and pass --image-archive");
            }
            Path checkout = ctx.options().checkout().orElseThrow();
            ctx.progress().info("building it: ./mvnw -pl sample-api -am package jib:buildTar (Jib pulls the base image once)");
            ProcessResult r = ctx.seams().runner().run(List.of(checkout.resolve("mvnw").toString(), "-q", "-B", "-f",
                    checkout.resolve("pom.xml").toString(), "-pl", "sample-api", "-am", "-DskipTests", "package", "jib:buildTar"), BUILD);
            if (!r.ok() || !Files.isRegularFile(image.archive())) {
                throw new ClusterException("building the sample API image failed: " + r.lastError(),
                        r.stdout().lines().filter(l -> l.contains("ERROR")).limit(10).toList());
            }
            built = "built, ";
        }
        ((KindProvisioner) ctx.provisioner()).loadImage(image.archive());
        return built + image.archive().getFileName();
    }
}
