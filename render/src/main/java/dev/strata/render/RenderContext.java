package dev.strata.render;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Release;
import dev.strata.plan.Plan;
import dev.strata.plan.PlannedRelease;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.Wave;
import dev.strata.plan.WaveItem;
import dev.strata.plan.facts.MeshMode;
import dev.strata.plan.facts.PlatformFacts;
import dev.strata.spec.PlatformSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every generator reads: the spec, its plan (releases with their values, waves) and the
 * platform's facts the plan publishes. Render computes nothing here; it only looks things up.
 */
public final class RenderContext {

    private final PlatformSpec spec;
    private final Plan plan;
    private final Catalog catalog;
    private final Map<String, Integer> waves = new LinkedHashMap<>();
    private final Map<String, String> reasons = new LinkedHashMap<>();

    public RenderContext(PlatformSpec spec, Plan plan, Catalog catalog) {
        this.spec = spec;
        this.plan = plan;
        this.catalog = catalog;
        for (Wave w : plan.waves()) {
            for (WaveItem i : w.items()) {
                waves.put(i.name(), w.number());
                reasons.put(i.name(), i.reason());
            }
        }
    }

    public PlatformSpec spec() {
        return spec;
    }

    public Plan plan() {
        return plan;
    }

    public PlatformFacts facts() {
        return plan.facts();
    }

    public Catalog catalog() {
        return catalog;
    }

    public String clusterName() {
        return spec.cluster().name();
    }

    // --- git ---------------------------------------------------------------------------------

    public String repoUrl() {
        return facts().repoUrl();
    }

    public String revision() {
        return facts().revision();
    }

    public String repoPath(String treePath) {
        return facts().repoPath(treePath);
    }

    // --- waves -------------------------------------------------------------------------------

    public int wave(String item) {
        Integer w = waves.get(item);
        if (w == null) {
            throw new IllegalArgumentException("no wave for " + item);
        }
        return w;
    }

    public String waveReason(String item) {
        return reasons.getOrDefault(item, "");
    }

    public boolean hasWaveItem(String item) {
        return waves.containsKey(item);
    }

    // --- components and releases -------------------------------------------------------------

    public List<ResolvedComponent> components() {
        return plan.components();
    }

    public boolean enabled(String id) {
        return facts().enabled(id);
    }

    public Optional<ResolvedComponent> component(String id) {
        return facts().component(id);
    }

    public String namespaceOf(ResolvedComponent rc, Release r) {
        return rc.entry().namespaceOf(r);
    }

    /** The release as planned: namespace and the values it installs with. */
    public PlannedRelease release(Release r) {
        return plan.release(r.name()).orElseThrow(() -> new IllegalArgumentException("release " + r.name() + " is not planned"));
    }

    public Map<String, List<String>> platformNamespaces() {
        return facts().platformNamespaces();
    }

    public MeshMode meshMode() {
        return facts().meshMode();
    }

    // --- tiers -------------------------------------------------------------------------------

    public Map<String, String> nodeSelector(String tier) {
        return facts().nodeSelector(tier);
    }

    public List<Map<String, Object>> tolerations(String tier) {
        return facts().tolerations(tier);
    }

    public Map<String, String> platformNodeSelector() {
        return facts().platformNodeSelector();
    }

    public List<Map<String, Object>> platformTolerations() {
        return facts().platformTolerations();
    }

    public Map<String, String> appsNodeSelector() {
        return facts().appsNodeSelector();
    }

    public List<Map<String, Object>> appsTolerations() {
        return facts().appsTolerations();
    }

    // --- well-known endpoints ------------------------------------------------------------------

    public String domain() {
        return facts().domain();
    }

    public String appHost(String app, String env) {
        return facts().appHost(app, env);
    }

    public String gatewayServiceAccount() {
        return facts().gatewayServiceAccount();
    }

    public String prometheusServiceAccount() {
        return facts().prometheusServiceAccount();
    }

    public String tempoOtlpGrpc() {
        return facts().tempoOtlpGrpc();
    }

    public String lokiUrl() {
        return facts().lokiUrl();
    }

    public String prometheusUrl() {
        return facts().prometheusUrl();
    }

    public String tempoUrl() {
        return facts().tempoUrl();
    }
}
