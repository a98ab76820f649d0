package dev.strata.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small charts written by tests, packed like {@code helm package} packs them. Shared with other
 * modules' tests (the test-jar), so that no test needs a real upstream chart or the network.
 */
public final class TestCharts {

    private final String name;
    private final String version;
    private final Map<String, String> files = new LinkedHashMap<>();

    private TestCharts(String name, String version) {
        this.name = name;
        this.version = version;
        files.put("Chart.yaml", "apiVersion: v2\nname: " + name + "\nversion: " + version + "\nappVersion: \"1.0\"\n");
        files.put("values.yaml", "");
    }

    public static TestCharts chart(String name, String version) {
        return new TestCharts(name, version);
    }

    /** A file of the chart, by chart-relative path ({@code templates/deployment.yaml}). */
    public TestCharts file(String path, String content) {
        files.put(path, content);
        return this;
    }

    public TestCharts values(String yaml) {
        return file("values.yaml", yaml);
    }

    /** Chart.yaml with a dependencies block appended. */
    public TestCharts dependencies(String yaml) {
        return file("Chart.yaml", files.get("Chart.yaml") + "dependencies:\n" + yaml);
    }

    /** A dependency as a directory under charts/ (its files prefixed). */
    public TestCharts subchart(TestCharts sub) {
        sub.files.forEach((p, c) -> files.put("charts/" + sub.name + "/" + p, c));
        return this;
    }

    /** Writes the chart as a directory {@code <dir>/<name>}. */
    public Path writeDirectory(Path dir) {
        Path root = dir.resolve(name);
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path f = root.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    /** Packs the chart as {@code <dir>/<name>-<version>.tgz}. */
    public Path pack(Path dir) {
        try {
            Path work = Files.createTempDirectory(dir, ".chart-");
            Path root = writeDirectory(work);
            Path archive = dir.resolve(name + "-" + version + ".tgz");
            ChartArchive.pack(root, name, archive);
            return archive;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Deployment template with a fixed image and resources from values. */
    public static String deployment(String name) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  namespace: {{ .Release.Namespace }}
                spec:
                  replicas: {{ .Values.replicas | default 1 }}
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec:
                      containers:
                        - name: app
                          image: example.org/app:1.0.0
                          resources: {{ toJson (.Values.resources | default dict) }}
                """.formatted(name, name, name);
    }
}
