package dev.strata.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One catalog entry: a component a platform can be composed from. See the module README for the format.
 *
 * @param clusterWorkloads workloads the cluster provider runs by itself (CoreDNS): not installed by
 *                         Strata and not Strata's to size, but counted by the planner as Kubernetes' own
 */
public record Component(String id, String title, String description, Layer layer, String namespace,
                        List<String> seeds, List<String> dependsOn, List<Conflict> conflicts,
                        List<String> capabilities, Map<String, String> unsupportedProviders,
                        List<String> modes, Optional<String> defaultMode,
                        Map<String, List<Container>> meshOverhead, List<Tool> tools, List<Release> releases,
                        List<Workload> clusterWorkloads) {

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
