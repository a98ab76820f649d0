package dev.strata.cluster.fakes;

import dev.strata.cluster.process.ProcessResult;
import dev.strata.cluster.process.ProcessRunner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Answers commands by their longest matching prefix ("kind get clusters"); unknown tools are
 * "not found" (127). Every command is recorded; {@link #writes()} are the ones that change something.
 */
public final class FakeRunner implements ProcessRunner {

    public final List<String> commands = new ArrayList<>();
    private final Map<String, Function<List<String>, ProcessResult>> answers = new LinkedHashMap<>();

    public FakeRunner answer(String prefix, int exit, String stdout, String stderr) {
        answers.put(prefix, cmd -> new ProcessResult(cmd, exit, stdout, stderr));
        return this;
    }

    public FakeRunner answer(String prefix, Function<List<String>, ProcessResult> f) {
        answers.put(prefix, f);
        return this;
    }

    /** A machine with a running Docker engine and the pinned kind. */
    public static FakeRunner healthyKind(boolean clusterExists, String name) {
        FakeRunner r = new FakeRunner();
        r.answer("docker version", 0, "28.1.1\n", "");
        r.answer("docker info", 0, (16L << 30) + " 8 /var/lib/docker\n", "");
        r.answer("kind version", 0, "kind v0.33.0 go1.25.1 linux/amd64\n", "");
        r.answer("kind get clusters", 0, clusterExists ? name + "\n" : "", clusterExists ? "" : "No kind clusters found.\n");
        r.answer("kind create cluster", 0, "", "Creating cluster \"" + name + "\" ...\n");
        r.answer("kind delete cluster", 0, "", "Deleting cluster \"" + name + "\" ...\n");
        r.answer("kind load image-archive", 0, "", "");
        r.answer("kind load docker-image", 0, "", "");
        r.answer("docker image inspect", 1, "", "Error: No such image\n");
        r.answer("docker pull", 0, "", "");
        return r;
    }

    @Override
    public ProcessResult run(List<String> command, Duration timeout) {
        String line = String.join(" ", command);
        commands.add(line);
        return answers.entrySet().stream().filter(e -> line.startsWith(e.getKey()))
                .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
                .map(e -> e.getValue().apply(command))
                .orElseGet(() -> new ProcessResult(command, ProcessResult.NOT_FOUND, "", command.getFirst() + ": not found (looked in PATH)"));
    }

    public List<String> writes() {
        return commands.stream().filter(c -> c.startsWith("kind create") || c.startsWith("kind delete") || c.startsWith("kind load")
                || c.startsWith("talosctl cluster") || c.startsWith("docker pull")).toList();
    }
}
