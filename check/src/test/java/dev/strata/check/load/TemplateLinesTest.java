package dev.strata.check.load;

import dev.strata.check.CheckEngine;
import dev.strata.check.CheckReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A finding on an object a chart in the tree renders points at the template line that writes it (helm-java renders). */
class TemplateLinesTest {

    @TempDir
    Path root;

    private void write(String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private List<String> danglingServices() {
        CheckReport r = CheckEngine.builder().baseDir(root).rules(List.of("dangling-service")).build().check(List.of(root));
        return r.findings().stream().map(f -> f.file() + ":" + f.line() + " " + f.object().name()).toList();
    }

    @Test
    void anObjectIsPlacedAtItsKindLineInTheTemplateWhenTheKindsLineUp() throws IOException {
        write("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
        write("charts/web/values.yaml", "selector: webb\n");
        write("charts/web/templates/services.yaml", """
                # two Services: the second selects a typo
                apiVersion: v1
                kind: Service
                metadata: {name: {{ .Release.Name }}-ok}
                spec: {selector: {app: web}, ports: [{port: 80}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: {{ .Release.Name }}-typo}
                spec: {selector: {app: {{ .Values.selector }}}, ports: [{port: 80}]}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: web, image: "registry.example.org/web:1.0.0"}]}
                """);
        assertThat(danglingServices()).containsExactly("charts/web/templates/services.yaml:7 web-typo");
    }

    @Test
    void aKindLeftOutByAConditionLeavesTheObjectsAtLineOneRatherThanAtAWrongLine() throws IOException {
        write("charts/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n");
        write("charts/web/values.yaml", "first: false\n");
        write("charts/web/templates/services.yaml", """
                {{- if .Values.first }}
                apiVersion: v1
                kind: Service
                metadata: {name: first}
                spec: {selector: {app: web}, ports: [{port: 80}]}
                {{- end }}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: second}
                spec: {selector: {app: nothing}, ports: [{port: 80}]}
                """);
        assertThat(danglingServices()).containsExactly("charts/web/templates/services.yaml:1 second");
    }
}
