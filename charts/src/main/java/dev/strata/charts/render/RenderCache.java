package dev.strata.charts.render;

import dev.strata.charts.ChartArchive;
import dev.strata.yaml.AtomicWrite;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Renders of chart archives kept on disk: a chart archive at a given sha256, rendered with the same
 * release, namespace, Kubernetes version, API versions and values, gives the same output — so the deep
 * check and the plan render each chart once, not once per command. A chart given as a directory (one
 * in the tree, which changes) is never cached. Entries are written whole or not at all.
 */
public final class RenderCache {

    /** Bumped whenever what a render returns changes shape or meaning. */
    static final String FORMAT = "strata-render-2";

    private final Path root;

    public RenderCache(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    Optional<HelmTemplate.Rendered> get(String key) {
        Path file = root.resolve(key + ".yaml");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Object doc = new Load(LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).setSchema(new CoreSchema()).build())
                    .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
            if (!(doc instanceof Map<?, ?> m) || !FORMAT.equals(m.get("format"))) {
                return Optional.empty();
            }
            List<HelmTemplate.Part> parts = new ArrayList<>();
            for (Object o : (List<?>) m.get("parts")) {
                Map<?, ?> p = (Map<?, ?>) o;
                parts.add(new HelmTemplate.Part(String.valueOf(p.get("source")), String.valueOf(p.get("yaml"))));
            }
            return Optional.of(new HelmTemplate.Rendered(String.valueOf(m.get("chart")), String.valueOf(m.get("version")), parts,
                    ChartTree.stringMap((Map<?, ?>) m.get("defaultValues")),
                    new TemplateRewrites.Asks(new java.util.TreeSet<>(((List<?>) m.get("asked")).stream().map(String::valueOf).toList()),
                            Boolean.TRUE.equals(m.get("asksOtherwise")))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged entry is rendered again
        }
    }

    void put(String key, HelmTemplate.Rendered r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("chart", r.chart());
        m.put("version", r.version());
        m.put("asked", new ArrayList<>(r.asks().literals()));
        m.put("asksOtherwise", r.asks().other());
        m.put("defaultValues", r.defaultValues());
        List<Object> parts = new ArrayList<>();
        for (HelmTemplate.Part p : r.parts()) {
            parts.add(Map.of("source", p.source(), "yaml", p.yaml()));
        }
        m.put("parts", parts);
        try {
            AtomicWrite.write(root.resolve(key + ".yaml"), new Dump(DumpSettings.builder().build()).dumpToString(m));
        } catch (UncheckedIOException e) {
            // a cache that cannot be written only costs the next render
        }
    }

    /** The key of a render: the archive's digest and every input of the render. */
    static String key(Path archive, HelmTemplate.Request request) {
        StringBuilder b = new StringBuilder(FORMAT).append('\n').append(ChartArchive.sha256(archive)).append('\n')
                .append(request.releaseName()).append('\n').append(request.namespace()).append('\n').append(request.kubeVersion()).append('\n')
                .append(String.join(",", new TreeSet<>(request.apiVersions()))).append('\n');
        for (Path values : request.valuesFiles()) {
            try {
                b.append(Files.readString(values, StandardCharsets.UTF_8)).append("\n---\n");
            } catch (IOException e) {
                b.append("unreadable ").append(values).append('\n');
            }
        }
        request.inlineValues().ifPresent(b::append);
        return ChartArchive.sha256(b.toString().getBytes(StandardCharsets.UTF_8)).substring("sha256:".length());
    }
}
