package dev.strata.cluster.fakes;

import dev.strata.cluster.kube.AppStatus;
import dev.strata.cluster.kube.Kube;
import dev.strata.cluster.kube.NodeStatus;
import dev.strata.cluster.kube.PodStatus;
import dev.strata.cluster.kube.Probe;
import dev.strata.cluster.kube.ProbeResult;
import dev.strata.cluster.kube.ResourceRef;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** An in-memory cluster: objects by reference, scripted Application statuses, probe logs by probe name. Records every write. */
public final class FakeKube implements Kube {

    public final List<String> writes = new ArrayList<>() {
        @Override
        public boolean add(String w) {
            journal.add("kube " + w);
            return super.add(w);
        }
    };
    /** Writes of the cluster and of Helm together, in order, when a test shares one journal between the fakes. */
    public List<String> journal = new ArrayList<>();
    public final Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
    public final Map<String, String> secrets = new HashMap<>();
    public final Map<String, ProbeResult> probes = new HashMap<>();
    public final List<Probe> probesRun = new ArrayList<>();
    public final Map<String, List<PodStatus>> pods = new HashMap<>();
    public final Map<String, List<String>> events = new HashMap<>();
    public final Map<String, List<String>> logs = new HashMap<>();
    public List<NodeStatus> nodes = new ArrayList<>();
    public Supplier<List<AppStatus>> applications = List::of;
    public Optional<String> admission = Optional.empty();
    public boolean reachable = true;
    public Map<String, Object> dryRunResult = Map.of();
    public boolean failApplyOnce;
    /** Objects whose delete is only recorded: they go away later (finalizers), when the test removes them. */
    public final java.util.Set<String> deleteKeeps = new java.util.HashSet<>();

    static String key(ResourceRef r) {
        return r.kind() + "/" + r.namespace() + "/" + r.name();
    }

    @Override
    public String describe() {
        return "context fake";
    }

    @Override
    public boolean reachable() {
        return reachable;
    }

    @Override
    public List<AppStatus> applications() {
        return applications.get();
    }

    @Override
    public List<NodeStatus> nodes() {
        return nodes;
    }

    @Override
    public List<PodStatus> pods(String namespace) {
        return pods.getOrDefault(namespace, List.of());
    }

    @Override
    public List<String> events(String namespace, String name) {
        return events.getOrDefault(namespace + "/" + name, List.of());
    }

    @Override
    public List<String> logTail(String namespace, String pod, int lines) {
        return logs.getOrDefault(namespace + "/" + pod, List.of());
    }

    @Override
    public Optional<Map<String, Object>> get(ResourceRef ref) {
        return Optional.ofNullable(objects.get(key(ref)));
    }

    @Override
    public void apply(Map<String, Object> object) {
        ResourceRef r = ResourceRef.of(object);
        if (failApplyOnce) {
            failApplyOnce = false;
            throw new dev.strata.cluster.ClusterException("applying " + r + ": no matches for kind AppProject in version argoproj.io/v1alpha1");
        }
        writes.add("apply " + r);
        objects.put(key(r), object);
    }

    @Override
    public Map<String, Object> dryRunApply(Map<String, Object> object) {
        return dryRunResult.isEmpty() ? object : dryRunResult;
    }

    @Override
    public void delete(ResourceRef ref) {
        writes.add("delete " + ref);
        if (!deleteKeeps.contains(key(ref))) {
            objects.remove(key(ref));
        }
    }

    @Override
    public boolean ensureNamespace(String name, Map<String, String> labels) {
        if (objects.containsKey("Namespace//" + name)) {
            return false;
        }
        writes.add("create namespace " + name);
        objects.put("Namespace//" + name, Map.of("metadata", Map.of("name", name, "labels", labels)));
        return true;
    }

    @Override
    public boolean ensureSecret(String namespace, String name, Map<String, String> stringData) {
        boolean created = false;
        for (var e : stringData.entrySet()) {
            created |= secrets.putIfAbsent(namespace + "/" + name + "/" + e.getKey(), e.getValue()) == null;
        }
        if (created) {
            writes.add("create secret " + namespace + "/" + name);
        }
        return created;
    }

    @Override
    public Optional<String> secretValue(String namespace, String name, String key) {
        return Optional.ofNullable(secrets.get(namespace + "/" + name + "/" + key));
    }

    @Override
    public void annotate(ResourceRef ref, String key, String value) {
        writes.add("annotate " + ref + " " + key + "=" + value);
    }

    @Override
    public Optional<String> admissionRejection(Map<String, Object> object) {
        return admission;
    }

    @Override
    public ProbeResult runProbe(Probe probe, Duration timeout) {
        writes.add("probe " + probe.namespace() + "/" + probe.name());
        probesRun.add(probe);
        return probes.getOrDefault(probe.name(), new ProbeResult(false, ""));
    }

    @Override
    public PortForward portForward(String namespace, String service, int port) {
        return new PortForward() {
            @Override
            public int localPort() {
                return 40000 + port;
            }

            @Override
            public void close() {
            }
        };
    }
}
