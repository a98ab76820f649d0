package dev.strata.check.rules.gitops;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.load.ArgoSources;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A values file beside a chart that no Application passes to it configures nothing: the chart is
 * installed with its defaults while the file claims otherwise. Reported on the Application that
 * installs the chart from this repository.
 */
public final class UnusedValuesFileRule extends BaseRule {

    public UnusedValuesFileRule() {
        super(RuleInfo.across("unused-values-file", Category.GITOPS, Severity.WARNING,
                "A values file beside a chart in the tree is passed to it by no Argo CD Application, so what it configures never applies.",
                "Add the file to the Application's spec.source.helm.valueFiles, or delete it.").appliesTo("argoproj.io/Application"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        for (YMap source : ArgoSources.of(object)) {
            Optional<String> path = source.str("path");
            if (path.isEmpty() || source.has("chart")) {
                continue;
            }
            Optional<Path> chart = ctx.graph().tree().resolve(path.get());
            if (chart.isEmpty() || !Files.isRegularFile(chart.get().resolve("Chart.yaml"))) {
                continue;
            }
            Set<String> passed = passedTo(chart.get(), ctx);
            for (String file : valuesFiles(chart.get())) {
                if (!passed.contains(file)) {
                    ctx.report(source.line(), "values file " + file + " in " + path.get()
                            + " is passed to the chart by no application");
                }
            }
        }
    }

    /** Values files (other than the chart's own values.yaml) in the chart directory. */
    private static List<String> valuesFiles(Path chart) {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(chart, "values*.{yaml,yml}")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.equals("values.yaml") && !name.equals("values.yml")) {
                    out.add(name);
                }
            }
        } catch (IOException e) {
            return out;
        }
        return new ArrayList<>(new TreeSet<>(out));
    }

    /** Values files (relative to the chart) that any Application passes to this chart. */
    private static Set<String> passedTo(Path chart, RuleContext ctx) {
        Set<String> passed = new TreeSet<>();
        for (Resource app : ctx.graph().ofKind("Application")) {
            for (YMap s : ArgoSources.of(app)) {
                Optional<Path> dir = s.str("path").flatMap(p -> ctx.graph().tree().resolve(p));
                if (dir.isPresent() && dir.get().normalize().equals(chart.normalize())) {
                    s.map("helm").ifPresent(h -> h.strings("valueFiles").forEach(v ->
                            passed.add(chart.relativize(chart.resolve(v).normalize()).toString())));
                }
            }
        }
        return passed;
    }
}
