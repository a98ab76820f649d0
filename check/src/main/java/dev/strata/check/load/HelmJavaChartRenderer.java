package dev.strata.check.load;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders charts in-process with helm-java. Charts whose templates call {@code lookup} are refused
 * before this is called (see {@link LookupDetector}): helm-java's template would contact the cluster
 * named by KUBECONFIG, and a check must never reach a cluster.
 */
public final class HelmJavaChartRenderer implements ChartRenderer {

    @Override
    public Result render(Path chartDirectory, Request request) {
        Path inline = null;
        try {
            TemplateCommand cmd = new Helm(chartDirectory).template()
                    .withName(request.releaseName())
                    .withNamespace(request.namespace());
            for (Path values : request.valuesFiles()) {
                cmd = cmd.withValuesFile(values);
            }
            if (request.inlineValues().isPresent()) {
                inline = Files.createTempFile("strata-values", ".yaml");
                Files.writeString(inline, request.inlineValues().get(), StandardCharsets.UTF_8);
                cmd = cmd.withValuesFile(inline);
            }
            return new Rendered(cmd.call());
        } catch (IOException e) {
            return new Failed("writing inline values: " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            int hint = message.indexOf("\n\nUse --debug");
            message = (hint > 0 ? message.substring(0, hint) : message).replace('\n', ' ').strip();
            return new Failed("helm template failed: " + message);
        } finally {
            if (inline != null) {
                try {
                    Files.deleteIfExists(inline);
                } catch (IOException ignored) {
                    // harmless temp file
                }
            }
        }
    }
}
