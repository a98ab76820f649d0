package dev.strata.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One catalog entry: a component a platform can be composed from. See the module README for the format.
 *
 * @param clusterWorkloads workloads the cluster provider runs by itself (CoreDNS): not installed by
 *                         Strata and not Strata's to size, but counted by the planner as Kubernetes' own
 * @param podSecurity      the Pod Security level its pods need in their namespace when looser than
 *                         restricted (absent: restricted)
 * @param podSecurityByMode overrides of {@code podSecurity} for one of its modes
 * @param meshPodSecurity  mesh entries only, by meshOverhead key: the level the containers the mesh
 *                         injects into app pods need in the app namespaces (absent: restricted)
 * @param namespaceLabels  extra labels its namespace must carry (e.g. a webhook's opt-out)
 * @param needs            configuration it needs besides its chart to do anything (MetalLB: an address pool)
 * @param runtimeObjects   objects its controllers create at run time that its pods refer to
 * @param upSecrets        Secrets {@code strata up} creates for it (never in git)
 * @param clusterDefaults  cluster providers only: what the provider's cluster sets up by itself
 * @param config           objects the component needs to do anything that its chart does not render
 *                         (MetalLB's IPAddressPool), rendered beside it and synced after it; strings may
 *                         name {@code ${key}}, replaced from {@code configByProvider}
 * @param configByProvider values for {@code config}'s placeholders, by cluster provider
 */
public record Component(String id, String title, String description, Layer layer, String namespace,
                        List<String> seeds, List<String> dependsOn, List<Conflict> conflicts,
                        List<String> capabilities, Map<String, String> unsupportedProviders,
                        List<String> modes, Optional<String> defaultMode,
                        Map<String, List<Container>> meshOverhead, List<Tool> tools, List<Release> releases,
                        List<Workload> clusterWorkloads, Optional<PodSecurity> podSecurity,
                        Map<String, PodSecurity> podSecurityByMode, Map<String, PodSecurity> meshPodSecurity,
                        Map<String, String> namespaceLabels, List<Need> needs, List<RuntimeObject> runtimeObjects,
                        List<UpSecret> upSecrets, Optional<ClusterDefaults> clusterDefaults,
                        List<Map<String, Object>> config, Map<String, Map<String, String>> configByProvider) {

    public Component {
        title = title == null ? id : title;
        description = description == null ? "" : description;
        namespace = namespace == null ? "" : namespace;
        seeds = seeds == null ? List.of() : List.copyOf(seeds);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        unsupportedProviders = unsupportedProviders == null ? Map.of() : Map.copyOf(unsupportedProviders);
        modes = modes == null ? List.of() : List.copyOf(modes);
        defaultMode = defaultMode == null ? Optional.empty() : defaultMode;
        meshOverhead = meshOverhead == null ? Map.of() : Map.copyOf(meshOverhead);
        tools = tools == null ? List.of() : List.copyOf(tools);
        releases = releases == null ? List.of() : List.copyOf(releases);
        clusterWorkloads = clusterWorkloads == null ? List.of() : List.copyOf(clusterWorkloads);
        podSecurity = podSecurity == null ? Optional.empty() : podSecurity;
        podSecurityByMode = podSecurityByMode == null ? Map.of() : Map.copyOf(podSecurityByMode);
        meshPodSecurity = meshPodSecurity == null ? Map.of() : Map.copyOf(meshPodSecurity);
        namespaceLabels = namespaceLabels == null ? Map.of() : Map.copyOf(namespaceLabels);
        needs = needs == null ? List.of() : List.copyOf(needs);
        runtimeObjects = runtimeObjects == null ? List.of() : List.copyOf(runtimeObjects);
        upSecrets = upSecrets == null ? List.of() : List.copyOf(upSecrets);
        clusterDefaults = clusterDefaults == null ? Optional.empty() : clusterDefaults;
        config = config == null ? List.of() : List.copyOf(config);
        configByProvider = configByProvider == null ? Map.of() : Map.copyOf(configByProvider);
    }

    /** An entry without pod security data or namespace labels (tests and programmatic catalogs). */
    public Component(String id, String title, String description, Layer layer, String namespace,
                     List<String> seeds, List<String> dependsOn, List<Conflict> conflicts,
                     List<String> capabilities, Map<String, String> unsupportedProviders,
                     List<String> modes, Optional<String> defaultMode,
                     Map<String, List<Container>> meshOverhead, List<Tool> tools, List<Release> releases,
                     List<Workload> clusterWorkloads) {
        this(id, title, description, layer, namespace, seeds, dependsOn, conflicts, capabilities, unsupportedProviders,
                modes, defaultMode, meshOverhead, tools, releases, clusterWorkloads, Optional.empty(), Map.of(), Map.of(), Map.of(),
                List.of(), List.of(), List.of(), Optional.empty(), List.of(), Map.of());
    }

    /** The Pod Security level its pods need in {@code mode} (the default mode when none is chosen). */
    public PodSecurity podSecurityIn(Optional<String> mode) {
        Optional<String> m = mode.or(() -> defaultMode);
        return m.map(podSecurityByMode::get).or(() -> podSecurity).orElse(PodSecurity.DEFAULT);
    }

    /** Releases installed in {@code mode} (the default mode when none is chosen). */
    public List<Release> releasesFor(Optional<String> mode) {
        Optional<String> m = mode.or(() -> defaultMode);
        return releases.stream().filter(r -> r.inMode(m)).toList();
    }

    /** Namespace of a release, falling back to the entry's. */
    public String namespaceOf(Release r) {
        return r.namespace().orElse(namespace);
    }
}
