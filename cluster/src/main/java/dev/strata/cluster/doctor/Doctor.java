package dev.strata.cluster.doctor;

import dev.strata.catalog.Quantity;
import dev.strata.catalog.Tool;
import dev.strata.cluster.kube.Kube;
import dev.strata.cluster.process.ProcessResult;
import dev.strata.cluster.process.ProcessRunner;
import dev.strata.spec.Provider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what {@code up} needs before anything is touched. Reads only: nothing is created,
 * started or changed. The inotify thresholds are the values kind's known-issues page
 * recommends (max_user_watches 524288, max_user_instances 512).
 */
public final class Doctor {

    public static final String CLUSTER_EXISTS = "cluster-exists";
    static final long WATCHES = 524_288;
    static final long INSTANCES = 512;
    private static final Duration QUICK = Duration.ofSeconds(20);
    /** Roughly what a profile's images take on the engine's disk. */
    static final long DISK = 20L << 30;
    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+");

    private final ProcessRunner runner;
    private final Host host;
    private final Supplier<Kube> kube;

    public Doctor(ProcessRunner runner, Host host, Supplier<Kube> kube) {
        this.runner = runner;
        this.host = host;
        this.kube = kube;
    }

    /**
     * @param tool  kind or talosctl as pinned in the catalog; empty for an existing cluster
     * @param needs what the plan requests in total, and the app image
     */
    public DoctorReport examine(Provider provider, String clusterName, Optional<Tool> tool, Needs needs) {
        List<Finding> out = new ArrayList<>();
        if (provider == Provider.EXISTING) {
            Kube k = kube.get();
            out.add(k.reachable() ? Finding.ok("context", "the API server of " + k.describe() + " answers")
                    : Finding.error("context-unreachable", "no answer from the API server of " + k.describe(),
                    "select a reachable cluster (kubectl config use-context NAME) or set KUBECONFIG"));
            return new DoctorReport(out);
        }
        boolean docker = docker(out);
        tool.ifPresent(t -> tool(t, out));
        boolean exists = docker && clusterExists(provider, clusterName, tool, out);
        if (docker) {
            engine(needs, out);
            if (!needs.images().isEmpty()) {
                images(needs.images(), out);
            }
        }
        hostMemory(needs.memory(), out);
        needs.image().ifPresent(i -> image(i, out));
        if (provider == Provider.KIND && !exists) {
            for (int port : new int[] {80, 443}) {
                out.add(host.listening(port)
                        ? Finding.error("port-" + port + "-busy", "something on this machine already listens on port " + port + "; the cluster's gateway maps it",
                        "stop it (find it with: sudo ss -ltnp 'sport = :" + port + "') or delete the kind cluster that holds it")
                        : Finding.ok("port-" + port, "port " + port + " is free"));
            }
        }
        if (host.linux()) {
            inotify("fs.inotify.max_user_watches", WATCHES, out);
            inotify("fs.inotify.max_user_instances", INSTANCES, out);
        }
        return new DoctorReport(out);
    }

    private boolean docker(List<Finding> out) {
        ProcessResult r = runner.run(List.of("docker", "version", "--format", "{{.Server.Version}}"), QUICK);
        if (r.exitCode() == ProcessResult.NOT_FOUND) {
            out.add(Finding.error("docker-missing", r.lastError(), "install Docker Engine (Linux) or Docker Desktop, then run strata doctor again"));
            return false;
        }
        if (!r.ok() || r.stdout().isBlank()) {
            out.add(Finding.error("docker-unreachable", "the Docker engine does not answer: " + r.lastError(),
                    "start it (sudo systemctl start docker, or open Docker Desktop) or point DOCKER_HOST at a running engine"));
            return false;
        }
        out.add(Finding.ok("docker", "Docker engine " + r.stdout().strip() + " answers"));
        return true;
    }

    private void tool(Tool t, List<Finding> out) {
        List<String> cmd = t.name().equals("talosctl") ? List.of("talosctl", "version", "--client") : List.of(t.name(), "version");
        ProcessResult r = runner.run(cmd, QUICK);
        if (r.exitCode() == ProcessResult.NOT_FOUND) {
            out.add(Finding.error(t.name() + "-missing", r.lastError(),
                    "run strata up --install-tools (fetches " + t.name() + " " + t.version() + ", checksum-verified, into ~/.cache/strata/bin) or install it yourself"));
            return;
        }
        Matcher m = VERSION.matcher(r.stdout());
        String found = m.find() ? m.group() : "an unknown version";
        if (!r.ok()) {
            out.add(Finding.error(t.name() + "-broken", t.name() + " version failed: " + r.lastError(), "reinstall it, or run strata up --install-tools"));
        } else if (!found.equals(t.version())) {
            out.add(Finding.warning(t.name() + "-version", t.name() + " " + found + " is installed; Strata pins " + t.version(),
                    "run strata up --install-tools to use the pinned release from Strata's cache"));
        } else {
            out.add(Finding.ok(t.name(), t.name() + " " + found));
        }
    }

    private boolean clusterExists(Provider provider, String name, Optional<Tool> tool, List<Finding> out) {
        ProcessResult r = provider == Provider.KIND
                ? runner.run(List.of("kind", "get", "clusters"), QUICK)
                : runner.run(List.of("docker", "ps", "-a", "-q", "--filter", "label=talos.cluster.name=" + name), QUICK);
        if (!r.ok()) {
            return false;
        }
        boolean exists = provider == Provider.KIND ? r.stdout().lines().anyMatch(l -> l.strip().equals(name)) : !r.stdout().isBlank();
        if (exists) {
            out.add(Finding.ok(CLUSTER_EXISTS, "a " + provider.id() + " cluster named " + name + " exists; up reuses it (strata down deletes it)"));
        }
        return exists;
    }

    /**
     * The Docker engine's own memory, CPUs and disk ({@code docker info}): on macOS and Windows the
     * engine runs in a VM sized in Docker Desktop's settings, so the host's memory says nothing.
     */
    private void engine(Needs needs, List<Finding> out) {
        ProcessResult r = runner.run(List.of("docker", "info", "--format", "{{.MemTotal}} {{.NCPU}} {{.DockerRootDir}}"), QUICK);
        String[] f = r.stdout().strip().split(" ", 3);
        if (!r.ok() || f.length < 2 || !f[0].matches("\\d+") || !f[1].matches("\\d+")) {
            out.add(Finding.warning("docker-resources-unknown", "docker info did not say the engine's memory and CPUs: " + r.lastError(),
                    "make sure the engine has " + gib(needs.memory().bytes()) + " of memory"));
            return;
        }
        long memory = Long.parseLong(f[0]);
        int cpus = Integer.parseInt(f[1]);
        String need = gib(needs.requests().memory().bytes()) + " requested by the platform + " + gib(Needs.CONTROL_PLANE_ALLOWANCE.bytes())
                + " per control-plane node for what runs without requests (API server, controller manager)";
        if (memory < needs.memory().bytes()) {
            out.add(Finding.error("docker-memory-short", "the Docker engine has " + gib(memory) + "; the platform needs " + gib(needs.memory().bytes())
                    + " (" + need + ")", "give Docker more memory (Docker Desktop: Settings → Resources), or switch components off in platform.yaml (see strata plan)"));
        } else {
            out.add(Finding.ok("docker-memory", "the Docker engine has " + gib(memory) + "; the platform needs " + gib(needs.memory().bytes())));
        }
        long cpuNeeded = needs.requests().cpu().millicores();
        if (cpus * 1000L < cpuNeeded) {
            out.add(Finding.warning("docker-cpus-few", "the Docker engine has " + cpus + " CPUs; the platform requests " + needs.requests().cpu().toCpuString()
                    + " (kind nodes share the engine's CPUs, so pods are scheduled but run slowly)", "give Docker more CPUs, or switch components off"));
        } else {
            out.add(Finding.ok("docker-cpus", "the Docker engine has " + cpus + " CPUs; the platform requests " + needs.requests().cpu().toCpuString()));
        }
        if (f.length == 3) {
            host.freeDisk(Path.of(f[2])).ifPresent(free -> out.add(free < DISK
                    ? Finding.warning("disk-low", gib(free) + " free under " + f[2] + "; the platform's images take about " + gib(DISK),
                    "free disk space (docker system prune removes unused images)")
                    : Finding.ok("disk", gib(free) + " free under " + f[2])));
        }
    }

    /** How many of the platform's images Docker already holds; up pulls the others once (registries limit anonymous pulls). */
    private void images(List<String> images, List<Finding> out) {
        int cached = 0;
        for (String image : images) {
            if (runner.run(List.of("docker", "image", "inspect", "--format", "{{.Id}}", image), QUICK).ok()) {
                cached++;
            }
        }
        int missing = images.size() - cached;
        out.add(Finding.ok("images", "the platform runs " + images.size() + " images; " + cached + " are in Docker's cache"
                + (missing == 0 ? "" : ", up pulls the other " + missing + " once (Docker Hub allows 100 anonymous pulls per 6 hours)")));
    }

    /** On Linux the engine shares the host's memory: what other programs hold is not there for the cluster. */
    private void hostMemory(Quantity needed, List<Finding> out) {
        Optional<Long> free = host.memoryAvailable();
        if (host.linux() && free.isPresent() && free.get() < needed.bytes()) {
            out.add(Finding.warning("memory-in-use", gib(free.get()) + " of this machine's memory is available, the platform needs " + gib(needed.bytes()),
                    "close other programs before strata up"));
        }
    }

    private void image(Needs.Image image, List<Finding> out) {
        if (Files.isRegularFile(image.archive())) {
            out.add(Finding.ok("app-image", "the sample API image is at " + image.archive()));
        } else if (image.buildable()) {
            out.add(Finding.ok("app-image", "the sample API image is not built yet; up builds it (Jib, no Docker daemon: ./mvnw -pl sample-api -am package jib:buildTar)"));
        } else {
            out.add(Finding.error("app-image-missing", "no sample API image at " + image.archive() + ", and no Strata checkout here to build it from",
                    "build it in the Strata checkout (./mvnw -pl sample-api -am package jib:buildTar) and pass --image-archive sample-api/target/sample-api-image.tar"));
        }
    }

    /** {@code 4Gi}, {@code 22.8Gi}: memory as people read it. */
    static String gib(long bytes) {
        double g = bytes / (double) (1L << 30);
        return g == Math.rint(g) ? (long) g + "Gi" : String.format(Locale.ROOT, "%.1fGi", g);
    }

    private void inotify(String key, long want, List<Finding> out) {
        Optional<Long> v = host.sysctl(key);
        if (v.isPresent() && v.get() < want) {
            out.add(Finding.warning("inotify-" + (key.endsWith("watches") ? "watches" : "instances") + "-low",
                    key + " is " + v.get() + "; clusters of several nodes exhaust it (pods fail with 'too many open files')",
                    "sudo sysctl " + key + "=" + want + " (and add it to /etc/sysctl.d to keep it)"));
        }
    }
}
