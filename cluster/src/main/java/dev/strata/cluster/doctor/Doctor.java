package dev.strata.cluster.doctor;

import dev.strata.catalog.Quantity;
import dev.strata.catalog.Tool;
import dev.strata.cluster.kube.Kube;
import dev.strata.cluster.process.ProcessResult;
import dev.strata.cluster.process.ProcessRunner;
import dev.strata.spec.Provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
     * @param tool         kind or talosctl as pinned in the catalog; empty for an existing cluster
     * @param memoryNeeded what the plan requests in total (Kubernetes' own pods, components, apps, reserved)
     */
    public DoctorReport examine(Provider provider, String clusterName, Optional<Tool> tool, Quantity memoryNeeded) {
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
        memory(memoryNeeded, out);
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

    private void memory(Quantity needed, List<Finding> out) {
        Optional<Long> free = host.memoryAvailable();
        if (free.isEmpty()) {
            out.add(Finding.warning("memory-unknown", "cannot read the available memory of this machine", "make sure " + gib(needed.bytes()) + " are free"));
        } else if (free.get() < needed.bytes()) {
            out.add(Finding.error("memory-short", gib(free.get()) + " available, the plan requests " + gib(needed.bytes()),
                    "close other programs, give Docker more memory, or switch components off in platform.yaml (see strata plan)"));
        } else {
            out.add(Finding.ok("memory", gib(free.get()) + " available, the plan requests " + gib(needed.bytes())));
        }
    }

    /** {@code 4Gi}, {@code 22.8Gi}: memory as people read it. */
    static String gib(long bytes) {
        double g = bytes / (double) (1L << 30);
        return g == Math.rint(g) ? (long) g + "Gi" : String.format(java.util.Locale.ROOT, "%.1fGi", g);
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
