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
    static final String FORMAT = "strata-render-3";

    private final Path root;

    public RenderCache(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    Optional<HelmTemplate.Rendered> get(String key) {
        Path file = root.resolve(key + ".render");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged entry is rendered again
        }
    }

    void put(String key, HelmTemplate.Rendered r) {
        try {
            AtomicWrite.write(root.resolve(key + ".render"), encode(r));
        } catch (UncheckedIOException e) {
            // a cache that cannot be written only costs the next render
        }
    }

    /**
     * One entry: a line per field, then each text (default values as YAML, each part) as a header
     * line with its length in chars and the text itself. Manifests are stored as they are, never
     * re-emitted as YAML scalars (which cost more than the render they save).
     */
    static String encode(HelmTemplate.Rendered r) {
        StringBuilder b = new StringBuilder(FORMAT).append('\n');
        b.append("chart\t").append(r.chart()).append('\n');
        b.append("version\t").append(r.version()).append('\n');
        b.append("asked\t").append(String.join(",", r.asks().literals())).append('\n');
        b.append("other\t").append(r.asks().other()).append('\n');
        text(b, "values", "", new Dump(DumpSettings.builder().build()).dumpToString(r.defaultValues()));
        for (HelmTemplate.Part p : r.parts()) {
            text(b, "part", p.source(), p.yaml());
        }
        return b.toString();
    }

    private static void text(StringBuilder b, String field, String label, String text) {
        b.append(field).append('\t').append(text.length()).append('\t').append(label).append('\n').append(text).append('\n');
    }

    static HelmTemplate.Rendered decode(String s) {
        int at = 0;
        String[] head = new String[5];
        for (int i = 0; i < head.length; i++) {
            int nl = s.indexOf('\n', at);
            head[i] = s.substring(at, nl);
            at = nl + 1;
        }
        if (!head[0].equals(FORMAT)) {
            throw new IllegalStateException("format " + head[0]);
        }
        Map<String, Object> values = Map.of();
        List<HelmTemplate.Part> parts = new ArrayList<>();
        while (at < s.length()) {
            int nl = s.indexOf('\n', at);
            String[] h = s.substring(at, nl).split("\t", 3);
            int length = Integer.parseInt(h[1]);
            String text = s.substring(nl + 1, nl + 1 + length);
            at = nl + 1 + length + 1;
            if (h[0].equals("values")) {
                Object doc = new Load(LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).setSchema(new CoreSchema()).build()).loadFromString(text);
                values = doc instanceof Map<?, ?> m ? ChartTree.stringMap(m) : Map.of();
            } else {
                parts.add(new HelmTemplate.Part(h[2], text));
            }
        }
        String asked = value(head[3], "asked");
        TreeSet<String> literals = new TreeSet<>(asked.isEmpty() ? List.of() : List.of(asked.split(",")));
        return new HelmTemplate.Rendered(value(head[1], "chart"), value(head[2], "version"), parts, values,
                new TemplateRewrites.Asks(literals, Boolean.parseBoolean(value(head[4], "other"))));
    }

    private static String value(String line, String field) {
        if (!line.startsWith(field + "\t")) {
            throw new IllegalStateException("expected " + field);
        }
        return line.substring(field.length() + 1);
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
