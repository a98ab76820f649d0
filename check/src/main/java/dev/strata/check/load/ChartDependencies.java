package dev.strata.check.load;

import dev.strata.charts.ChartRef;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dependencies a chart declares in Chart.yaml that are not in its charts/ directory (unpacked or as
 * a .tgz). Fetching them needs the network, so such a chart cannot be rendered offline.
 */
public final class ChartDependencies {

    private ChartDependencies() {
    }

    public static List<String> missing(Path chart) {
        return missingDependencies(chart).stream().map(Dependency::name).toList();
    }

    /** A dependency of Chart.yaml: name, version (constraint) and repository as written. */
    public record Dependency(String name, String version, String repository) {
        /** A chart from a repository (not {@code file://} or an {@code @alias}), with an exact version. */
        public Optional<ChartRef> ref() {
            boolean remote = repository.startsWith("https://") || repository.startsWith("http://") || repository.startsWith("oci://");
            boolean exact = version.matches("v?\\d+\\.\\d+\\.\\d+([-+][0-9A-Za-z.-]+)?");
            return remote && exact ? Optional.of(ChartRef.helm(repository, name, version)) : Optional.empty();
        }
    }

    public static List<Dependency> missingDependencies(Path chart) {
        List<Dependency> missing = new ArrayList<>();
        YamlReader.Result parsed;
        try {
            parsed = new YamlReader().read(Files.readString(chart.resolve("Chart.yaml"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return missing;
        }
        if (parsed.documents().isEmpty() || !(parsed.documents().getFirst().root() instanceof YMap meta)) {
            return missing;
        }
        for (YMap dependency : meta.maps("dependencies")) {
            String name = dependency.strOr("name", "");
            if (!name.isEmpty() && !present(chart.resolve("charts"), name)) {
                missing.add(new Dependency(name, dependency.strOr("version", ""), dependency.strOr("repository", "")));
            }
        }
        return missing;
    }

    private static boolean present(Path charts, String name) {
        if (Files.isDirectory(charts.resolve(name))) {
            return true;
        }
        if (!Files.isDirectory(charts)) {
            return false;
        }
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(charts, name + "-*.tgz")) {
            return archives.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }
}
