package dev.strata.check.load;

import dev.strata.check.yaml.YMap;
import dev.strata.check.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a kustomization.yaml refers to: files it consumes (resources, patches), which are then not
 * loaded again as plain YAML, and directories (bases, components), which are not built on their own.
 */
final class KustomizationRefs {

    private KustomizationRefs() {
    }

    static void collect(Path kustomization, Set<Path> consumedFiles, Set<Path> referencedDirs) {
        Optional<YMap> parsed = read(kustomization);
        if (parsed.isEmpty()) {
            return;
        }
        YMap k = parsed.get();
        List<String> paths = new ArrayList<>();
        for (String key : List.of("resources", "bases", "components", "patchesStrategicMerge", "crds")) {
            paths.addAll(k.strings(key));
        }
        for (YMap patch : k.maps("patches")) {
            patch.str("path").ifPresent(paths::add);
        }
        Path dir = kustomization.getParent();
        for (String p : paths) {
            if (remote(p)) {
                continue;
            }
            Path target = dir.resolve(p).normalize();
            if (Files.isDirectory(target)) {
                referencedDirs.add(target);
            } else {
                consumedFiles.add(target);
            }
        }
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

    static Optional<Path> find(Path dir) {
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
