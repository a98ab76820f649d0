package dev.strata.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Strata checkout this CLI was built in ({@code <checkout>/cli/target/strata.jar}), if it runs
 * from one. A lab must not live there: {@code up} commits the rendered tree where
 * {@code platform.yaml} is, and that would be a commit in Strata's own repository.
 */
final class Checkout {

    /** The advice every refusal gives: a directory of the lab's own. */
    static final String ELSEWHERE = "~/strata-lab";

    private Checkout() {
    }

    static Optional<Path> root() {
        try {
            var source = Strata.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
            Path target = jar.getParent();
            if (target == null || !target.getFileName().toString().equals("target") || target.getParent() == null
                    || target.getParent().getParent() == null) {
                return Optional.empty();
            }
            Path root = target.getParent().getParent();
            return Files.isRegularFile(root.resolve("mvnw")) && Files.isRegularFile(root.resolve("cli/pom.xml"))
                    ? Optional.of(real(root)) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code dir} (existing or not) is the checkout or inside it. */
    static boolean contains(Path dir) {
        return root().filter(r -> real(dir).startsWith(r)).isPresent();
    }

    /** The path with its existing part resolved through symbolic links. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
