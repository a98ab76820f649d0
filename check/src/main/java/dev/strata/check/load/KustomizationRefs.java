package dev.strata.check.load;

import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a kustomization.yaml refers to: files it consumes (resources, patches), which are then not
 * loaded again as plain YAML, and directories (bases, components), which are not built on their own.
 */
public final class KustomizationRefs {

    private KustomizationRefs() {
    }

    static void collect(Path kustomization, Set<Path> consumedFiles, Set<Path> referencedDirs) {
        collect(kustomization, consumedFiles, referencedDirs, new HashMap<>());
    }

    /**
     * Records what the kustomization consumes: files (resources, patches in every spelling, replacement
     * sources, generator inputs, configurations, the OpenAPI schema, chart values) and directories
     * (bases, components), each directory with the kustomization directory that refers to it.
     */
    static void collect(Path kustomization, Set<Path> consumedFiles, Set<Path> referencedDirs, Map<Path, Set<Path>> referrers) {
        Optional<YMap> parsed = read(kustomization);
        if (parsed.isEmpty()) {
            return;
        }
        YMap k = parsed.get();
        List<String> paths = new ArrayList<>();
        for (String key : List.of("resources", "bases", "components", "patchesStrategicMerge", "crds", "configurations",
                "generators", "transformers", "validators")) {
            paths.addAll(k.strings(key));
        }
        for (String key : List.of("patches", "patchesJson6902", "replacements")) {
            for (YMap entry : k.maps(key)) {
                entry.str("path").ifPresent(paths::add);
            }
        }
        k.map("openapi").flatMap(o -> o.str("path")).ifPresent(paths::add);
        for (String key : List.of("configMapGenerator", "secretGenerator")) {
            for (YMap g : k.maps(key)) {
                for (String f : g.strings("files")) {
                    paths.add(f.contains("=") ? f.substring(f.indexOf('=') + 1) : f);
                }
                paths.addAll(g.strings("envs"));
                g.str("env").ifPresent(paths::add);
            }
        }
        for (YMap chart : k.maps("helmCharts")) {
            chart.str("valuesFile").ifPresent(paths::add);
        }
        Path dir = kustomization.getParent();
        for (String p : paths) {
            if (remote(p)) {
                continue;
            }
            Path target = dir.resolve(p).normalize();
            if (Files.isDirectory(target)) {
                referencedDirs.add(target);
                referrers.computeIfAbsent(target, x -> new LinkedHashSet<>()).add(dir);
            } else {
                consumedFiles.add(target);
            }
        }
    }

    /** Whether the kustomization file declares {@code kind: Component}: a part to include, not a root to build. */
    static boolean component(Path kustomization) {
        return read(kustomization).flatMap(k -> k.str("kind")).filter("Component"::equals).isPresent();
    }

    /**
     * The fields kustomize v5 still honours but warns about (api/types/kustomization.go
     * CheckDeprecatedFields), with the line of each and kustomize's own advice.
     */
    static List<Deprecated> deprecated(Path kustomization) {
        List<Deprecated> out = new ArrayList<>();
        Optional<YMap> parsed = read(kustomization);
        if (parsed.isEmpty()) {
            return out;
        }
        YMap k = parsed.get();
        String[][] fields = {{"bases", "resources"}, {"commonLabels", "labels"}, {"imageTags", "images"},
            {"patchesJson6902", "patches"}, {"patchesStrategicMerge", "patches"}, {"vars", "replacements"}};
        for (String[] f : fields) {
            if (k.has(f[0])) {
                out.add(new Deprecated(f[0], k.keyLine(f[0]), "'" + f[0] + "' is deprecated. Please use '" + f[1] + "' instead."
                        + (f[0].equals("vars") ? " [EXPERIMENTAL]" : "") + " Run 'kustomize edit fix' to update your Kustomization automatically."));
            }
        }
        return out;
    }

    record Deprecated(String field, int line, String message) {
    }

    /**
     * Why building this kustomization (or a local base it uses) would need the network: a remote
     * resource or base, or {@code helmCharts} (kustomize downloads the chart). Empty when it builds offline.
     */
    static Optional<String> needsNetwork(Path directory) {
        return needsNetwork(directory, new HashSet<>());
    }

    private static Optional<String> needsNetwork(Path directory, Set<Path> visited) {
        if (!visited.add(directory.normalize())) {
            return Optional.empty();
        }
        Optional<Path> file = find(directory);
        Optional<YMap> parsed = file.flatMap(KustomizationRefs::read);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        YMap k = parsed.get();
        if (k.has("helmCharts")) {
            return Optional.of(directory.getFileName() + " uses helmCharts");
        }
        for (String key : List.of("resources", "bases", "components")) {
            for (String p : k.strings(key)) {
                if (remote(p)) {
                    return Optional.of("remote resource " + p);
                }
                Path target = directory.resolve(p).normalize();
                if (Files.isDirectory(target)) {
                    Optional<String> nested = needsNetwork(target, visited);
                    if (nested.isPresent()) {
                        return nested;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** One {@code helmCharts} entry of a kustomization (kustomize's HelmChart), with what the render needs. */
    record HelmChart(String name, String repo, String version, String releaseName, String namespace,
                     Optional<Path> valuesFile, Optional<YMap> valuesInline, Optional<Path> chartHome) {
    }

    /** The {@code helmCharts} of the kustomization in this directory (not of its bases), with its namespace as the default. */
    static List<HelmChart> helmCharts(Path directory) {
        Optional<YMap> parsed = find(directory).flatMap(KustomizationRefs::read);
        if (parsed.isEmpty()) {
            return List.of();
        }
        YMap k = parsed.get();
        String home = k.path("helmGlobals").flatMap(g -> g.str("chartHome")).orElse("charts");
        List<HelmChart> out = new ArrayList<>();
        for (YMap c : k.maps("helmCharts")) {
            String name = c.strOr("name", "");
            Path local = directory.resolve(home).resolve(name).normalize();
            out.add(new HelmChart(name, c.strOr("repo", ""), c.strOr("version", ""), c.strOr("releaseName", name),
                    c.strOr("namespace", k.strOr("namespace", "default")),
                    c.str("valuesFile").map(v -> directory.resolve(v).normalize()), c.map("valuesInline"),
                    Files.isRegularFile(local.resolve("Chart.yaml")) ? Optional.of(local) : Optional.empty()));
        }
        return out;
    }

    /** The kustomization file of a directory (kustomization.yaml, .yml or Kustomization, as kustomize looks), if it has one. */
    public static Optional<Path> find(Path dir) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static boolean remote(String path) {
        return path.contains("://") || path.startsWith("github.com/") || path.startsWith("git@")
                || path.startsWith("git::") || path.contains("?ref=");
    }

    private static Optional<YMap> read(Path kustomization) {
        try {
            YamlReader.Result parsed = new YamlReader().read(Files.readString(kustomization, StandardCharsets.UTF_8));
            if (!parsed.documents().isEmpty() && parsed.documents().getFirst().root() instanceof YMap k) {
                return Optional.of(k);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
