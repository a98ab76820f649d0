package dev.strata.check;

import dev.strata.check.load.InputLoader;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How the input splits into what is checked together: every directory holding a Strata
 * {@code platform.yaml} (its {@code apiVersion} says {@code strata.dev/...}) is one platform —
 * its own graph, its own cluster model — and the rest of the input is checked as one tree without
 * them. A {@code platform.yaml} of anything else is an ordinary YAML file.
 */
record Roots(List<Path> platforms, List<Path> rest) {

    static Roots find(List<Path> inputs) {
        Set<Path> platforms = new LinkedHashSet<>();
        List<Path> rest = new ArrayList<>();
        for (Path input : inputs) {
            Path abs = input.toAbsolutePath().normalize();
            if (!Files.isDirectory(abs)) {
                rest.add(input);
                continue;
            }
            List<Path> found = new ArrayList<>();
            try {
                Files.walkFileTree(abs, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (!dir.equals(abs) && dir.getFileName().toString().startsWith(".")) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (isPlatform(dir)) {
                            found.add(dir);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                rest.add(input);
                continue;
            }
            platforms.addAll(found);
            if (!found.contains(abs)) {
                rest.add(input);
            }
        }
        return new Roots(new ArrayList<>(platforms), rest);
    }

    /** The Strata spec of a platform directory. */
    static Path platformFile(Path dir) {
        Path yaml = dir.resolve("platform.yaml");
        return Files.isRegularFile(yaml) ? yaml : dir.resolve("platform.yml");
    }

    static boolean isPlatform(Path dir) {
        for (String name : List.of("platform.yaml", "platform.yml")) {
            if (isStrataSpec(dir.resolve(name))) {
                return true;
            }
        }
        return false;
    }

    static boolean isStrataSpec(Path file) {
        return InputLoader.strataSpec(file);
    }
}
