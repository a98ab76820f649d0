package dev.strata.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.check.load.ChartRenderer;
import dev.strata.check.load.Kustomizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckEngineTest {

    @TempDir
    Path root;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: app
              annotations: {strata.dev/ignore: "missing-liveness-probe, writable-root-filesystem"}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                    - name: web
                      image: nginx:latest
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: app}
            spec:
              selector: {app: webb}
              ports: [{port: 80}]
            """;

    @BeforeEach
    void tree() throws IOException {
        Files.writeString(root.resolve("app.yaml"), DEPLOYMENT);
    }

    private CheckEngine.Builder engine() {
        return CheckEngine.builder().baseDir(root)
                .kustomizer(d -> new Kustomizer.Unavailable("test"))
                .chartRenderer((c, r) -> new ChartRenderer.Failed("test"));
    }

    private static List<String> rules(CheckReport r) {
        return r.findings().stream().map(Finding::rule).distinct().toList();
    }

    @Test
    void findsAcrossResourcesWithFileLineObjectAndRemediation() {
        CheckReport report = engine().rules(List.of("dangling-service")).build().check(List.of(root));
        assertThat(report.findings()).containsExactly(new Finding("dangling-service", Severity.ERROR,
                Category.REFERENCES, new ObjectRef("v1", "Service", "app", "web"), "app.yaml", 20,
                "selector app=webb matches no pod template",
                "Make spec.selector equal to labels of the workload's pod template (spec.template.metadata.labels)."));
        assertThat(report.summary()).isEqualTo(new Summary(2, 1, 1, 0, 0));
        assertThat(ExitCodes.of(report)).isEqualTo(1);
    }

    @Test
    void ignoreAnnotationSilencesTheNamedRulesOnThatObjectOnly() {
        CheckReport report = engine().build().check(List.of(root));
        assertThat(rules(report)).contains("missing-readiness-probe", "image-latest-tag")
                .doesNotContain("missing-liveness-probe", "writable-root-filesystem");
        assertThat(report.findings()).filteredOn(f -> f.rule().equals("missing-readiness-probe"))
                .extracting(f -> f.object().kind()).containsOnly("Deployment");
    }

    @Test
    void ignoreAllSilencesEveryRuleOnThatObject() throws IOException {
        Files.writeString(root.resolve("app.yaml"), DEPLOYMENT.replace(
                "missing-liveness-probe, writable-root-filesystem", "all"));
        CheckReport report = engine().build().check(List.of(root));
        assertThat(report.findings()).extracting(f -> f.object().kind()).containsOnly("Service");
    }

    @Test
    void thresholdAndSkipFilterFindings() {
        CheckReport errorsOnly = engine().threshold(Severity.ERROR).build().check(List.of(root));
        assertThat(errorsOnly.findings()).allMatch(f -> f.severity() == Severity.ERROR);
        assertThat(errorsOnly.summary().warnings()).isZero();
        CheckReport skipped = engine().skip(List.of("image-latest-tag")).build().check(List.of(root));
        assertThat(rules(skipped)).doesNotContain("image-latest-tag").contains("dangling-service");
    }

    @Test
    void aRuleThatThrowsIsReportedVisiblyAndTheOtherRulesStillRun() {
        dev.strata.check.rule.Rule broken = new dev.strata.check.rule.Rule() {
            @Override
            public RuleInfo info() {
                return RuleInfo.of("broken-rule", Category.SCHEMA, Severity.ERROR, "Throws.", "Fix the rule.");
            }

            @Override
            public void check(dev.strata.check.graph.Resource object, dev.strata.check.rule.RuleContext context) {
                throw new IllegalStateException("boom");
            }
        };
        RuleRegistry registry = new RuleRegistry(List.of(broken, RuleRegistry.standard().require("dangling-service")));
        CheckReport report = engine().registry(registry).build().check(List.of(root));
        assertThat(report.findings()).extracting(f -> f.rule() + " " + f.severity().label() + " " + f.message())
                .contains("broken-rule warning internal error in rule broken-rule: java.lang.IllegalStateException: boom",
                        "dangling-service error selector app=webb matches no pod template");
    }

    @Test
    void aRuleIsGivenOnlyTheKindsItDeclaresByGroupAndKind() {
        List<String> seen = new java.util.ArrayList<>();
        dev.strata.check.rule.Rule services = new dev.strata.check.rule.Rule() {
            @Override
            public RuleInfo info() {
                return RuleInfo.of("sees-services", Category.SCHEMA, Severity.WARNING, "Records.", "Nothing.").appliesTo("Service", "apps/Deployment");
            }

            @Override
            public synchronized void check(dev.strata.check.graph.Resource object, dev.strata.check.rule.RuleContext context) {
                seen.add(object.apiVersion() + " " + object.kind());
            }
        };
        engine().registry(new RuleRegistry(List.of(services))).build().check(List.of(root));
        assertThat(seen).isNotEmpty().allMatch(k -> k.equals("v1 Service") || k.equals("apps/v1 Deployment"));
        assertThat(seen).contains("v1 Service");
    }

    @Test
    void unknownRuleIsAUsageError() {
        assertThatThrownBy(() -> engine().rules(List.of("no-such-rule")).build()).isInstanceOf(CheckException.class)
                .hasMessageContaining("unknown rule \"no-such-rule\"");
    }

    @Test
    void tieringRulesAreSkippedAndCountedWithoutAClusterModel() {
        CheckReport report = engine().build().check(List.of(root));
        assertThat(report.skipped()).contains(new Skipped("rule taint-not-tolerated",
                "needs a cluster model (platform.yaml); none given"));
        assertThat(report.skipped()).extracting(Skipped::what).containsExactlyInAnyOrder("rule node-selector-unsatisfiable",
                "rule taint-not-tolerated", "rule platform-workload-outside-tier", "rule capacity-exceeds-tier", "rule component-inert");
        assertThat(report.summary().skipped()).isEqualTo(5);
    }

    @Test
    void platformYamlIsHandedToTheModelFactoryAndTreeLevelCapacityFindingsAreReported() throws IOException {
        Files.writeString(root.resolve("platform.yaml"), "apiVersion: strata.dev/v1alpha1\nkind: Platform\n");
        List<Path> seen = new ArrayList<>();
        ClusterModel model = new ClusterModel(List.of(), Optional.of("platform"), List.of(),
                List.of(new ClusterModel.CapacityFinding(Severity.ERROR, Optional.empty(),
                        "tier apps: requests 4.2 cpu exceed allocatable 3.8 cpu")));
        CheckReport report = engine().rules(List.of("capacity-exceeds-tier"))
                .clusterModelFactory(p -> {
                    seen.add(p);
                    return Optional.of(model);
                }).build().check(List.of(root));
        assertThat(seen).containsExactly(root.resolve("platform.yaml"));
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("platform.yaml");
            assertThat(f.message()).isEqualTo("tier apps: requests 4.2 cpu exceed allocatable 3.8 cpu");
            assertThat(f.object().isNone()).isTrue();
        });
        assertThat(report.skipped()).isEmpty();
    }

    @Test
    void objectsWithoutSchemaAreCountedAsSkipped() throws IOException {
        Files.writeString(root.resolve("cr.yaml"), "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");
        CheckReport report = engine().rules(List.of("schema-unknown-field")).build().check(List.of(root));
        assertThat(report.skipped()).containsExactly(new Skipped("Widget/w (cr.yaml)", "no schema for example.com/v1 Widget"));
        assertThat(report.summary().skipped()).isEqualTo(1);
    }
}
