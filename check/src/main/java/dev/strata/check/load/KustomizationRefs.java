package dev.strata.check.load;

import dev.strata.check.yaml.YMap;
import dev.strata.check.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a kustomization.yaml refers to: files it consumes (resources, patches), which are then not
 * loaded again as plain YAML, and directories (bases, components), which are not built on their own.
 */
final class KustomizationRefs {

    private KustomizationRefs() {
    }

    static void collect(Path kustomization, Set<Path> consumedFiles, Set<Path> referencedDirs) {
        YamlReader.Result parsed;
        try {
            parsed = new YamlReader().read(Files.readString(kustomization, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return;
        }
        if (parsed.documents().isEmpty() || !(parsed.documents().getFirst().root() instanceof YMap k)) {
            return;
        }
        List<String> paths = new ArrayList<>();
        for (String key : List.of("resources", "bases", "components", "patchesStrategicMerge", "crds")) {
            paths.addAll(k.strings(key));
        }
        for (YMap patch : k.maps("patches")) {
            patch.str("path").ifPresent(paths::add);
        }
        Path dir = kustomization.getParent();
        for (String p : paths) {
            if (p.contains("://") || p.startsWith("github.com")) {
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
}
