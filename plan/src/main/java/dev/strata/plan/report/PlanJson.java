package dev.strata.plan.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.strata.catalog.Release;
import dev.strata.catalog.Resources;
import dev.strata.plan.Plan;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.Wave;
import dev.strata.plan.WaveItem;
import dev.strata.plan.capacity.CapacityReport;
import dev.strata.plan.capacity.NodeUsage;
import dev.strata.plan.capacity.PodRequest;
import dev.strata.plan.capacity.TierUsage;
import dev.strata.plan.capacity.Unschedulable;
import dev.strata.plan.measure.ReleaseSizing;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan for machines. Stable shape: {@code platform}, {@code components}, {@code waves},
 * {@code sizing} (per release: {@code chart} or {@code catalog}, declared and measured requests),
 * {@code capacity} {nodes, tiers, unschedulable, totals, fits}. CPU is in millicores and memory in
 * bytes, as integers, so that scripts need no quantity parser.
 */
public final class PlanJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    public static String render(Plan plan) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> platform = new LinkedHashMap<>();
        platform.put("name", plan.spec().name());
        platform.put("profile", plan.spec().profile());
        platform.put("provider", plan.spec().cluster().provider().id());
        platform.put("kubernetesVersion", plan.spec().cluster().kubernetesVersion());
        root.put("platform", platform);
        List<Object> comps = new ArrayList<>();
        for (ResolvedComponent rc : plan.components()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", rc.id());
            c.put("layer", rc.entry().layer().id());
            c.put("namespace", rc.entry().namespace());
            c.put("mode", rc.mode().orElse(null));
            List<Object> releases = new ArrayList<>();
            for (Release r : rc.releases()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", r.name());
                m.put("type", r.source().type());
                m.put("repository", r.source().repository());
                m.put("chart", r.source().chart().orElse(null));
                m.put("version", r.source().version());
                m.put("appVersion", r.source().appVersion().orElse(null));
                releases.add(m);
            }
            c.put("releases", releases);
            comps.add(c);
        }
        root.put("components", comps);
        List<Object> waves = new ArrayList<>();
        for (Wave w : plan.waves()) {
            for (WaveItem i : w.items()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("wave", w.number());
                m.put("name", i.name());
                m.put("kind", i.kind().name().toLowerCase(Locale.ROOT));
                m.put("component", i.component().isEmpty() ? null : i.component());
                m.put("reason", i.reason());
                waves.add(m);
            }
        }
        root.put("waves", waves);
        List<Object> sizing = new ArrayList<>();
        for (ReleaseSizing rs : plan.measurement().sizing()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("component", rs.component());
            m.put("release", rs.release());
            m.put("source", rs.isMeasured() ? "chart" : "catalog");
            m.put("declared", res(rs.declared()));
            m.put("measured", rs.measured().map(PlanJson::res).orElse(null));
            m.put("why", rs.why().orElse(null));
            m.put("agrees", rs.isMeasured() ? rs.agrees() : null);
            m.put("renderedNotDeclared", rs.onlyRendered());
            m.put("declaredNotRendered", rs.onlyDeclared());
            sizing.add(m);
        }
        root.put("sizing", sizing);
        root.put("capacity", capacity(plan.capacity()));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> capacity(CapacityReport c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", c.scenario().name().toLowerCase(Locale.ROOT));
        m.put("fits", c.fits());
        m.put("pods", c.pods());
        List<Object> nodes = new ArrayList<>();
        for (NodeUsage n : c.nodes()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", n.node().name());
            x.put("group", n.node().group());
            x.put("tier", n.node().tierName());
            x.put("allocatable", res(n.node().allocatable()));
            x.put("requests", res(n.requested()));
            x.put("limits", res(n.limits()));
            x.put("headroom", res(n.headroom()));
            Map<String, long[]> byOwner = new LinkedHashMap<>();
            for (PodRequest p : n.pods()) {
                long[] t = byOwner.computeIfAbsent(p.owner(), k -> new long[3]);
                t[0] += p.requests().cpu().millicores();
                t[1] += p.requests().memory().bytes();
                t[2]++;
            }
            List<Object> owners = new ArrayList<>();
            byOwner.forEach((k, v) -> owners.add(Map.of("owner", k, "cpuMillicores", v[0], "memoryBytes", v[1], "pods", v[2])));
            x.put("byOwner", owners);
            nodes.add(x);
        }
        m.put("nodes", nodes);
        List<Object> tiers = new ArrayList<>();
        for (TierUsage t : c.tiers()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("tier", t.tier());
            x.put("nodes", t.nodes());
            x.put("allocatable", res(t.allocatable()));
            x.put("requests", res(t.requested()));
            x.put("limits", res(t.limits()));
            x.put("headroom", res(t.headroom()));
            tiers.add(x);
        }
        m.put("tiers", tiers);
        List<Object> un = new ArrayList<>();
        for (Unschedulable u : c.unschedulable()) {
            un.add(Map.of("pod", u.pod().name(), "namespace", u.pod().namespace(), "owner", u.pod().owner(), "reason", u.reason()));
        }
        m.put("unschedulable", un);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("kubernetes", res(c.kubernetesRequests()));
        totals.put("components", res(c.componentRequests()));
        totals.put("apps", res(c.appRequests()));
        totals.put("jobs", res(c.jobRequests()));
        m.put("totals", totals);
        return m;
    }

    static Map<String, Object> res(Resources r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpuMillicores", r.cpu().millicores());
        m.put("memoryBytes", r.memory().bytes());
        return m;
    }
}
