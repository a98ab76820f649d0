package dev.strata.cluster.up.steps;

import dev.strata.cluster.up.Fingerprint;
import dev.strata.cluster.up.KindProvisioner;
import dev.strata.cluster.up.Step;
import dev.strata.cluster.up.UpContext;
import dev.strata.spec.Provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Loads the sample API image (a Jib tar) into the kind nodes, so no registry is needed. */
public final class LoadImageStep implements Step {

    /** Where {@code ./mvnw -pl sample-api jib:buildTar} writes the image, relative to the working directory. */
    public static final Path DEFAULT_ARCHIVE = Path.of("sample-api", "target", "sample-api-image.tar");

    @Override
    public String id() {
        return "image";
    }

    @Override
    public String title(UpContext ctx) {
        return "Loading the sample API image into kind";
    }

    @Override
    public Optional<String> notApplicable(UpContext ctx) {
        if (ctx.spec().cluster().provider() != Provider.KIND) {
            return Optional.of("only kind loads image archives; push the image to a registry the cluster can pull from");
        }
        if (ctx.spec().apps().isEmpty()) {
            return Optional.of("the spec has no apps");
        }
        if (!Files.isRegularFile(archive(ctx))) {
            return Optional.of("no image archive at " + archive(ctx) + " (build it with ./mvnw -pl sample-api jib:buildTar, or pass --image-archive)");
        }
        return Optional.empty();
    }

    @Override
    public String fingerprint(UpContext ctx) {
        Path a = archive(ctx);
        try {
            return Fingerprint.of(a.toAbsolutePath().toString(), String.valueOf(Files.size(a)), Files.getLastModifiedTime(a).toString());
        } catch (IOException e) {
            return Fingerprint.of(a.toString());
        }
    }

    @Override
    public String execute(UpContext ctx) {
        ((KindProvisioner) ctx.provisioner()).loadImage(archive(ctx));
        return archive(ctx).getFileName().toString();
    }

    private static Path archive(UpContext ctx) {
        return ctx.options().imageArchive().orElse(DEFAULT_ARCHIVE);
    }
}
