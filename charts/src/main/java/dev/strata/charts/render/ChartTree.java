package dev.strata.charts.render;

import dev.strata.charts.ChartException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A chart directory with its dependencies unpacked under {@code charts/}: its name, default values,
 * and which dependencies are enabled for given values — evaluated as Helm's
 * {@code chartutil.ProcessDependencies} does (a dependency's {@code condition} paths in order, the
 * first that holds a boolean decides; else its {@code tags}; else it is enabled), so that the CRDs
 * of exactly the enabled charts are added, as {@code helm template --include-crds} adds them.
 */
final class ChartTree {

    private final Path dir;
    private final String name;
    private final Map<String, Object> defaults;
    private final List<Dependency> dependencies;

    private record Dependency(String name, String key, List<String> conditions, List<String> tags) {
    }

    private ChartTree(Path dir, String name, Map<String, Object> defaults, List<Dependency> dependencies) {
        this.dir = dir;
        this.name = name;
        this.defaults = defaults;
        this.dependencies = dependencies;
    }

    static ChartTree of(Path dir) {
        Map<?, ?> chart = map(dir.resolve("Chart.yaml"));
        List<Dependency> deps = new ArrayList<>();
        if (chart.get("dependencies") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> d && d.get("name") != null) {
                    String n = String.valueOf(d.get("name"));
                    String key = d.get("alias") != null ? String.valueOf(d.get("alias")) : n;
                    List<String> conditions = d.get("condition") == null ? List.of()
                            : Stream.of(String.valueOf(d.get("condition")).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                    List<String> tags = d.get("tags") instanceof List<?> t ? t.stream().map(String::valueOf).toList() : List.of();
                    deps.add(new Dependency(n, key, conditions, tags));
                }
            }
        }
        Path values = dir.resolve("values.yaml");
        Map<String, Object> defaults = Files.isRegularFile(values) ? stringMap(map(values)) : Map.of();
        return new ChartTree(dir, String.valueOf(chart.get("name")), defaults, deps);
    }

    String name() {
        return name;
    }

    /** The chart's values.yaml with every dependency's defaults under its key, as Helm coalesces them (the parent wins). */
    Map<String, Object> defaultValues() {
        Map<String, Object> out = new LinkedHashMap<>(defaults);
        for (Dependency d : dependencies) {
            subchart(d).ifPresent(sub -> {
                Map<String, Object> own = sub.defaultValues();
                Object parent = out.get(d.key());
                out.put(d.key(), parent instanceof Map<?, ?> pm ? Values.merge(own, stringMap(pm)) : own);
            });
        }
        return out;
    }

    /** Every {@code crds/} file of this chart and of its enabled dependencies, as chart-relative sources. */
    List<Path> crdFiles(Map<String, Object> values) {
        List<Path> out = new ArrayList<>();
        Path crds = dir.resolve("crds");
        if (Files.isDirectory(crds)) {
            try (Stream<Path> s = Files.walk(crds)) {
                s.filter(Files::isRegularFile).filter(p -> {
                    String f = p.getFileName().toString();
                    return f.endsWith(".yaml") || f.endsWith(".yml") || f.endsWith(".json");
                }).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new ChartException("reading " + crds + ": " + e.getMessage(), e);
            }
        }
        for (Dependency d : dependencies) {
            if (!enabled(d, values)) {
                continue;
            }
            subchart(d).ifPresent(sub -> {
                Object own = values.get(d.key());
                Map<String, Object> subValues = Values.merge(sub.defaults, own instanceof Map<?, ?> m ? stringMap(m) : Map.of());
                out.addAll(sub.crdFiles(subValues));
            });
        }
        return out;
    }

    private boolean enabled(Dependency d, Map<String, Object> values) {
        for (String path : d.conditions()) {
            Optional<Object> v = Values.get(values, path);
            if (v.isPresent() && v.get() instanceof Boolean b) {
                return b;
            }
        }
        if (!d.tags().isEmpty() && values.get("tags") instanceof Map<?, ?> tags) {
            boolean anySet = false;
            for (String t : d.tags()) {
                if (tags.get(t) instanceof Boolean b) {
                    if (b) {
                        return true;
                    }
                    anySet = true;
                }
            }
            return !anySet;
        }
        return true;
    }

    private Optional<ChartTree> subchart(Dependency d) {
        Path sub = dir.resolve("charts").resolve(d.name());
        if (Files.isRegularFile(sub.resolve("Chart.yaml"))) {
            return Optional.of(of(sub));
        }
        // a dependency unpacked from an archive whose directory carries another name
        try (Stream<Path> s = Files.list(dir.resolve("charts"))) {
            return s.filter(p -> Files.isRegularFile(p.resolve("Chart.yaml")))
                    .filter(p -> d.name().equals(String.valueOf(map(p.resolve("Chart.yaml")).get("name"))))
                    .findFirst().map(ChartTree::of);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Map<?, ?> map(Path file) {
        try {
            // YAML 1.2 core schema (~ and null are null, as Helm reads them), not snakeyaml-engine's JSON default
            Object doc = new Load(LoadSettings.builder().setLabel(file.toString()).setCodePointLimit(64 << 20)
                    .setSchema(new CoreSchema()).build())
                    .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
            return doc instanceof Map<?, ?> m ? m : Map.of();
        } catch (IOException | RuntimeException e) {
            throw new ChartException(file.getFileName() + " of the chart cannot be read: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> stringMap(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Map<?, ?> mm ? stringMap(mm) : v));
        return out;
    }
}
