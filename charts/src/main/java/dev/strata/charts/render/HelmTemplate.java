package dev.strata.charts.render;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import dev.strata.charts.ChartArchive;
import dev.strata.charts.ChartException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.LinkedHashMap;
import java.util.function.UnaryOperator;

/**
 * Renders a chart the way Argo CD's repo-server does ({@code helm template <release> <chart>
 * --namespace <destination> --kube-version <v> --api-versions ... --include-crds}, hooks included):
 * in-process with helm-java, on a prepared copy of the chart (see {@link TemplateRewrites}), with
 * the {@code crds/} files of the chart and its enabled dependencies added, since helm-java leaves
 * them out. Never contacts a cluster or the network.
 */
public final class HelmTemplate {

    /**
     * @param releaseName  Argo CD: {@code helm.releaseName}, else the Application's name
     * @param namespace    the Application's destination namespace
     * @param kubeVersion  the cluster's version ({@code v1.34.0})
     * @param apiVersions  API versions the cluster serves besides the built-in ones ({@code group/version} and {@code group/version/Kind})
     * @param valuesFiles  values files in order (later wins)
     * @param inlineValues {@code helm.values} / {@code valuesObject} as YAML, applied last
     */
    public record Request(String releaseName, String namespace, String kubeVersion, Set<String> apiVersions,
                          List<Path> valuesFiles, Optional<String> inlineValues) {
        public Request {
            apiVersions = Set.copyOf(apiVersions);
            valuesFiles = List.copyOf(valuesFiles);
        }
    }

    /** One rendered file: its source as Helm names it ({@code chart/templates/x.yaml}, {@code chart/crds/y.yaml}). */
    public record Part(String source, String yaml) {
    }

    /**
     * What a render gives: the chart's name and version, every part, the chart's default values
     * (dependencies' under their keys), and what its templates ask of {@code .Capabilities.APIVersions}
     * (so that a render with other API versions known may differ).
     */
    public record Rendered(String chart, String version, List<Part> parts, Map<String, Object> defaultValues,
                           TemplateRewrites.Asks asks) {
        public boolean asksApiVersions() {
            return asks.any();
        }
    }

    /** Helm's native library is shared process-wide; one render at a time keeps its memory bounded. */
    private static final Object NATIVE = new Object();

    private final Optional<RenderCache> cache;

    public HelmTemplate() {
        this(Optional.empty());
    }

    /** With a cache of renders of archives (see {@link RenderCache}). */
    public HelmTemplate(Optional<RenderCache> cache) {
        this.cache = cache;
    }

    /** @throws ChartException with Helm's message when the chart does not render */
    public Rendered render(Path chart, Request request) {
        if (cache.isEmpty() || !Files.isRegularFile(chart)) {
            return renderNow(chart, request);
        }
        String key = RenderCache.key(chart, request);
        Optional<Rendered> cached = cache.get().get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        Rendered r = renderNow(chart, request);
        cache.get().put(key, r);
        return r;
    }

    private Rendered renderNow(Path chart, Request request) {
        Path work = null;
        try {
            work = Files.createTempDirectory("strata-chart-");
            Path dir = Files.isDirectory(chart) ? copy(chart, work.resolve(chart.getFileName().toString())) : ChartArchive.extract(chart, work);
            unpackDependencies(dir);
            TemplateRewrites.Asks asks = prepare(dir, request.apiVersions());
            ChartTree tree = ChartTree.of(dir);
            Map<?, ?> meta = ChartTree.map(dir.resolve("Chart.yaml"));
            Path inline = null;
            if (request.inlineValues().isPresent()) {
                inline = work.resolve("inline-values.yaml");
                Files.writeString(inline, TemplateRewrites.values(request.inlineValues().get()), StandardCharsets.UTF_8);
            }
            String manifest = template(dir, request, inline);
            List<Part> parts = new ArrayList<>(split(TemplateRewrites.hooksBack(manifest)));
            Map<String, Object> values = tree.defaultValues();
            for (Path f : request.valuesFiles()) {
                values = Values.merge(values, ChartTree.stringMap(ChartTree.map(f)));
            }
            if (inline != null) {
                values = Values.merge(values, ChartTree.stringMap(ChartTree.map(inline)));
            }
            for (Path crd : tree.crdFiles(values)) {
                String source = tree.name() + "/" + dir.relativize(crd).toString().replace('\\', '/');
                parts.add(new Part(source, Files.readString(crd, StandardCharsets.UTF_8)));
            }
            return new Rendered(tree.name(), String.valueOf(meta.get("version")), parts, restoreHooks(tree.defaultValues()), asks);
        } catch (IOException e) {
            throw new ChartException("preparing " + chart.getFileName() + ": " + e.getMessage(), e);
        } finally {
            if (work != null) {
                delete(work);
            }
        }
    }

    private static String template(Path dir, Request request, Path inline) {
        TemplateCommand cmd = new Helm(dir).template()
                .withName(request.releaseName())
                .withNamespace(request.namespace())
                .withKubeVersion(request.kubeVersion());
        for (Path values : request.valuesFiles()) {
            cmd = cmd.withValuesFile(prepared(values, dir));
        }
        if (inline != null) {
            cmd = cmd.withValuesFile(inline);
        }
        try {
            String out;
            synchronized (NATIVE) {
                out = cmd.call();
            }
            return out == null ? "" : out;
        } catch (RuntimeException | LinkageError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            int hint = message.indexOf("\n\nUse --debug");
            message = (hint > 0 ? message.substring(0, hint) : message).replace('\n', ' ').strip();
            throw new ChartException("helm template failed: " + TemplateRewrites.hooksBack(message), e);
        }
    }

    /** A user values file with hook annotations renamed like the chart's (written beside the chart copy). */
    private static Path prepared(Path values, Path chartDir) {
        try {
            String text = Files.readString(values, StandardCharsets.UTF_8);
            if (!text.contains(TemplateRewrites.HOOK)) {
                return values;
            }
            Path copy = Files.createTempFile(chartDir.getParent(), "values-", ".yaml");
            Files.writeString(copy, TemplateRewrites.values(text), StandardCharsets.UTF_8);
            return copy;
        } catch (IOException e) {
            throw new ChartException("reading values file " + values + ": " + e.getMessage(), e);
        }
    }

    /** Splits Helm's manifest at its {@code # Source:} comments. */
    static List<Part> split(String manifest) {
        List<Part> parts = new ArrayList<>();
        String source = "";
        StringBuilder chunk = new StringBuilder();
        for (String line : manifest.split("\n", -1)) {
            if (line.startsWith("# Source: ")) {
                add(parts, source, chunk);
                source = line.substring("# Source: ".length()).strip();
                continue;
            }
            chunk.append(line).append('\n');
        }
        add(parts, source, chunk);
        return parts;
    }

    private static void add(List<Part> parts, String source, StringBuilder chunk) {
        String text = chunk.toString();
        if (!text.replace("---", "").isBlank()) {
            parts.add(new Part(source, text));
        }
        chunk.setLength(0);
    }

    /** Dependencies packed as archives in charts/ are unpacked beside them, so their templates are prepared too. */
    private static void unpackDependencies(Path dir) throws IOException {
        Path charts = dir.resolve("charts");
        if (!Files.isDirectory(charts)) {
            return;
        }
        List<Path> archives;
        try (Stream<Path> s = Files.list(charts)) {
            archives = s.filter(p -> p.getFileName().toString().endsWith(".tgz")).sorted().toList();
        }
        for (Path a : archives) {
            Path tmp = Files.createTempDirectory(charts, ".unpack-");
            Path sub = ChartArchive.extract(a, tmp);
            Path target = charts.resolve(sub.getFileName());
            if (!Files.exists(target)) {
                Files.move(sub, target);
            }
            delete(tmp);
            Files.delete(a);
        }
        try (Stream<Path> s = Files.list(charts)) {
            for (Path sub : s.filter(Files::isDirectory).toList()) {
                unpackDependencies(sub);
            }
        }
    }

    /** Rewrites every template and values file of the chart and its dependencies; returns what the templates ask of API versions. */
    private static TemplateRewrites.Asks prepare(Path dir, Set<String> apiVersions) throws IOException {
        TemplateRewrites.Asks[] asks = {TemplateRewrites.Asks.NONE};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path rel = dir.relativize(file);
                boolean template = false;
                for (Path part : rel) {
                    if (part.toString().equals("templates")) {
                        template = true;
                        break;
                    }
                }
                String name = file.getFileName().toString();
                if (template) {
                    rewrite(file, t -> {
                        asks[0] = asks[0].plus(TemplateRewrites.asks(t));
                        return TemplateRewrites.template(t, apiVersions);
                    });
                } else if (name.equals("values.yaml")) {
                    rewrite(file, TemplateRewrites::values);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return asks[0];
    }

    private static void rewrite(Path file, UnaryOperator<String> f) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        String out = f.apply(text);
        if (!out.equals(text)) {
            Files.writeString(file, out, StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> restoreHooks(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(TemplateRewrites.hooksBack(k), v instanceof Map<?, ?> m ? restoreHooks((Map<String, Object>) m)
                : v instanceof String s ? TemplateRewrites.hooksBack(s) : v));
        return out;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    private static void delete(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
