package dev.strata.check.load;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs {@code kustomize build DIR}, or {@code kubectl kustomize DIR}, whichever is on PATH first. */
public final class ProcessKustomizer implements Kustomizer {

    private static final long TIMEOUT_SECONDS = 120;

    private final Optional<List<String>> command;

    public ProcessKustomizer(String pathVariable) {
        this.command = locate(pathVariable);
    }

    /** Uses the PATH of this process. */
    public static ProcessKustomizer fromEnvironment() {
        return new ProcessKustomizer(Optional.ofNullable(System.getenv("PATH")).orElse(""));
    }

    static Optional<List<String>> locate(String pathVariable) {
        Optional<Path> kustomize = which("kustomize", pathVariable);
        if (kustomize.isPresent()) {
            return Optional.of(List.of(kustomize.get().toString(), "build"));
        }
        return which("kubectl", pathVariable).map(k -> List.of(k.toString(), "kustomize"));
    }

    private static Optional<Path> which(String name, String pathVariable) {
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public Result build(Path directory) {
        return run(directory, List.of());
    }

    @Override
    public Result buildUnrestricted(Path directory) {
        return run(directory, List.of("--load-restrictor", "LoadRestrictionsNone"));
    }

    /**
     * Builds a temporary kustomization that lists only {@code directory} and asks for
     * {@code buildMetadata: [originAnnotations]}: the same objects, each with the file it came from.
     * Should that build fail, the directory is built on its own so that the error reads as kustomize
     * words it for that directory.
     */
    @Override
    public Result buildWithOrigins(Path directory) {
        Path overlay = null;
        try {
            overlay = Files.createTempDirectory("strata-origins-");
            String target = overlay.toAbsolutePath().relativize(directory.toAbsolutePath()).toString().replace('\\', '/');
            Files.writeString(overlay.resolve("kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                    + "kind: Kustomization\nresources:\n- " + target + "\nbuildMetadata: [originAnnotations]\n");
            if (run(overlay, List.of()) instanceof Built built) {
                return new Built(built.yaml(), Optional.of(overlay));
            }
        } catch (IOException | IllegalArgumentException e) {
            // no overlay: built plainly below
        } finally {
            TempTrees.delete(overlay);
        }
        return build(directory);
    }

    private Result run(Path directory, List<String> flags) {
        if (command.isEmpty()) {
            return new Unavailable("neither kustomize nor kubectl is on PATH");
        }
        List<String> cmd = new ArrayList<>(command.get());
        cmd.addAll(flags);
        cmd.add(directory.toString());
        Path stderr = null;
        Path stdout = null;
        try {
            stderr = Files.createTempFile("strata-kustomize", ".err");
            stdout = Files.createTempFile("strata-kustomize", ".out");
            // Output goes to files so that a hung build cannot block a pipe: the timeout always applies.
            Process process = new ProcessBuilder(cmd)
                    .redirectError(stderr.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Failed(String.join(" ", cmd) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            byte[] out = Files.readAllBytes(stdout);
            if (process.exitValue() != 0) {
                String err = Files.readString(stderr, StandardCharsets.UTF_8).strip();
                return new Failed(String.join(" ", cmd.subList(0, cmd.size() - 1)) + " failed: "
                        + (err.isEmpty() ? "exit " + process.exitValue() : firstLines(err)));
            }
            return new Built(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Failed("running " + cmd.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("interrupted while running " + cmd.getFirst());
        } finally {
            delete(stderr);
            delete(stdout);
        }
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }

    private static String firstLines(String text) {
        String[] lines = text.split("\n");
        return lines.length <= 3 ? String.join("; ", lines) : String.join("; ", List.of(lines).subList(0, 3)) + "; …";
    }
}
