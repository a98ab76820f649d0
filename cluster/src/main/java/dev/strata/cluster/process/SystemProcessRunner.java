package dev.strata.cluster.process;

import dev.strata.cluster.ClusterException;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts real processes. Tool names are looked up in the explicit overrides first (e.g.
 * {@code docker → /usr/local/bin/docker}), then Strata's tool cache, then PATH. A tool that
 * is nowhere ends with exit code 127 and a message saying where it was looked for.
 */
public final class SystemProcessRunner implements ProcessRunner {

    private final Map<String, Path> overrides;
    private final List<Path> searchPath;

    public SystemProcessRunner(Map<String, Path> overrides, List<Path> searchPath) {
        this.overrides = Map.copyOf(overrides);
        this.searchPath = List.copyOf(searchPath);
    }

    /** Overrides, then {@code cacheBin}, then the PATH of this process. */
    public static SystemProcessRunner standard(Map<String, Path> overrides, Path cacheBin) {
        List<Path> path = new ArrayList<>();
        path.add(cacheBin);
        String env = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String p : env.split(File.pathSeparator)) {
            if (!p.isBlank()) {
                path.add(Path.of(p));
            }
        }
        return new SystemProcessRunner(overrides, path);
    }

    public Optional<Path> locate(String tool) {
        Path o = overrides.get(tool);
        if (o != null) {
            return Files.isExecutable(o) ? Optional.of(o) : Optional.empty();
        }
        return searchPath.stream().map(d -> d.resolve(tool)).filter(Files::isExecutable).findFirst();
    }

    @Override
    public ProcessResult run(List<String> command, Duration timeout) {
        return start(command, timeout, false);
    }

    @Override
    public ProcessResult runVisible(List<String> command, Duration timeout) {
        return start(command, timeout, true);
    }

    private ProcessResult start(List<String> command, Duration timeout, boolean visible) {
        String tool = command.getFirst();
        Optional<Path> exe = locate(tool);
        if (exe.isEmpty()) {
            String where = overrides.containsKey(tool) ? overrides.get(tool).toString()
                    : searchPath.isEmpty() ? "PATH" : "PATH and " + searchPath.getFirst();
            return new ProcessResult(command, ProcessResult.NOT_FOUND, "", tool + ": not found (looked in " + where + ")");
        }
        List<String> argv = new ArrayList<>(command);
        argv.set(0, exe.get().toString());
        try {
            Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            CompletableFuture<String> out = drain(p.getInputStream(), visible);
            CompletableFuture<String> err = drain(p.getErrorStream(), visible);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new ClusterException(String.join(" ", command) + ": no answer after " + timeout.toSeconds() + "s; stopped it");
            }
            return new ProcessResult(command, p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            return new ProcessResult(command, ProcessResult.NOT_FOUND, "", tool + ": cannot start " + exe.get() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted while running " + String.join(" ", command));
        }
    }

    private static CompletableFuture<String> drain(InputStream in, boolean echo) {
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder sb = new StringBuilder();
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    String s = new String(buf, 0, n, StandardCharsets.UTF_8);
                    sb.append(s);
                    if (echo) {
                        System.err.print(s);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return sb.toString();
        });
    }
}
