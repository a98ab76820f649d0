package dev.strata.cli;

import dev.strata.cluster.doctor.DoctorReport;
import dev.strata.cluster.doctor.Finding;
import dev.strata.cluster.kube.AppStatus;
import dev.strata.cluster.kube.NodeStatus;
import dev.strata.cluster.kube.ResourceHealth;
import dev.strata.cluster.ops.Differ;
import dev.strata.cluster.ops.Status;
import dev.strata.cluster.verify.CheckResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code -o json} of the live commands, in stable shapes: lower-case enums, no Java types, every
 * field present (null when unknown).
 */
final class LifecycleJson {

    private LifecycleJson() {
    }

    static Map<String, Object> status(Status s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("healthy", s.healthy());
        List<Object> apps = new ArrayList<>();
        for (AppStatus a : s.applications()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", a.name());
            x.put("wave", a.wave());
            x.put("sync", a.sync());
            x.put("health", a.health());
            x.put("message", a.message());
            x.put("revisions", a.revisions());
            x.put("unhealthyResources", a.resources().stream().filter(r -> !r.healthy()).map(LifecycleJson::resource).toList());
            apps.add(x);
        }
        m.put("applications", apps);
        List<Object> nodes = new ArrayList<>();
        for (NodeStatus n : s.nodes()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", n.name());
            x.put("ready", n.ready());
            x.put("tier", n.labels().get(s.tierLabel()));
            x.put("internalIp", n.internalIp());
            nodes.add(x);
        }
        m.put("nodes", nodes);
        m.put("gatewayAddress", s.gatewayAddress().orElse(null));
        return m;
    }

    private static Map<String, Object> resource(ResourceHealth r) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("kind", r.kind());
        x.put("namespace", r.namespace());
        x.put("name", r.name());
        x.put("sync", r.sync());
        x.put("health", r.health());
        x.put("message", r.message());
        return x;
    }

    static Map<String, Object> doctor(DoctorReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ready", !r.blocking());
        List<Object> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", f.id());
            x.put("level", f.level().name().toLowerCase(Locale.ROOT));
            x.put("reason", f.reason());
            x.put("fix", f.fix().isEmpty() ? null : f.fix());
            findings.add(x);
        }
        m.put("findings", findings);
        return m;
    }

    static Map<String, Object> diff(List<Differ.Change> changes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("changed", changes.stream().filter(c -> c.kind() != Differ.Change.Kind.UNCHANGED).count());
        m.put("objects", changes.size());
        List<Object> list = new ArrayList<>();
        for (Differ.Change c : changes) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("apiVersion", c.object().apiVersion());
            x.put("kind", c.object().kind());
            x.put("namespace", c.object().namespace().isEmpty() ? null : c.object().namespace());
            x.put("name", c.object().name());
            x.put("change", c.kind().name().toLowerCase(Locale.ROOT));
            x.put("fields", c.fields());
            list.add(x);
        }
        m.put("changes", list);
        return m;
    }

    static Map<String, Object> verify(List<CheckResult> results) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", results.stream().noneMatch(r -> r.outcome().name().equals("FAIL")));
        List<Object> list = new ArrayList<>();
        for (CheckResult r : results) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", r.id());
            x.put("title", r.title());
            x.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
            x.put("evidence", r.evidence());
            x.put("seconds", r.duration().toMillis() / 1000.0);
            list.add(x);
        }
        m.put("checks", list);
        return m;
    }
}
