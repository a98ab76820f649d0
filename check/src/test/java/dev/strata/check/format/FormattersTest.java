package dev.strata.check.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.check.Category;
import dev.strata.check.CheckException;
import dev.strata.check.CheckReport;
import dev.strata.check.Finding;
import dev.strata.check.ObjectRef;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.Skipped;
import dev.strata.check.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormattersTest {

    private static final ObjectRef WEB = new ObjectRef("v1", "Service", "dev-sample-api", "web");
    private static final Finding DANGLING = new Finding("dangling-service", Severity.ERROR, Category.REFERENCES, WEB,
            "apps/web/service.yaml", 7, "selector app=webb matches no pod template", "Fix the selector.");
    private static final Finding PROBE = new Finding("missing-readiness-probe", Severity.WARNING, Category.RELIABILITY,
            new ObjectRef("apps/v1", "Deployment", "dev-sample-api", "web"), "apps/web/deployment.yaml", 12,
            "container web has no readiness probe", "Add a readinessProbe.");
    private static final CheckReport REPORT = new CheckReport(List.of(PROBE, DANGLING), new Summary(42, 9, 1, 1, 1),
            List.of(new Skipped("docs/logo.png", "not a yaml file")), List.of());
    private static final CheckReport CLEAN = new CheckReport(List.of(), new Summary(3, 1, 0, 0, 0), List.of(), List.of());
    private static final List<RuleInfo> RULES = List.of(RuleInfo.across("dangling-service", Category.REFERENCES,
            Severity.ERROR, "A Service selects no pod.", "Fix the selector.").appliesTo("Service"));

    @Test
    void textGroupsPerFileAndEndsWithTheSummary() {
        assertThat(new TextFormatter(false).format(REPORT)).isEqualTo("""
                apps/web/deployment.yaml
                  12: warning Deployment/dev-sample-api/web: container web has no readiness probe [missing-readiness-probe]

                apps/web/service.yaml
                  7: error   Service/dev-sample-api/web: selector app=webb matches no pod template [dangling-service]

                skipped:
                  docs/logo.png: not a yaml file

                42 objects in 9 files: 1 error, 1 warning, 1 skipped
                """);
    }

    @Test
    void textSummarisesManySkippedItemsWithTheSameReason() {
        List<Skipped> skipped = List.of(new Skipped("a.md", "not a yaml file"), new Skipped("b.md", "not a yaml file"),
                new Skipped("c.md", "not a yaml file"), new Skipped("d.md", "not a yaml file"),
                new Skipped("charts/db", "chart calls lookup"));
        assertThat(new TextFormatter(false).format(new CheckReport(List.of(), new Summary(0, 0, 0, 0, 5), skipped,
                List.of()))).isEqualTo("""
                skipped:
                  not a yaml file: 4 (a.md, b.md, c.md, …)
                  charts/db: chart calls lookup

                0 objects in 0 files: 0 errors, 0 warnings, 5 skipped
                """);
    }

    @Test
    void textIsColouredOnlyWhenAsked() {
        assertThat(new TextFormatter(false).format(CLEAN)).isEqualTo("3 objects in 1 file: 0 errors, 0 warnings, 0 skipped\n")
                .doesNotContain("\u001b[");
        assertThat(new TextFormatter(true).format(REPORT)).contains("\u001b[31merror  \u001b[0m")
                .contains("\u001b[1mapps/web/service.yaml\u001b[0m");
    }

    @Test
    void jsonFollowsTheDesignContract() {
        assertThat(new JsonFormatter().format(new CheckReport(List.of(DANGLING), new Summary(42, 9, 1, 0, 0), List.of(),
                List.of()))).isEqualTo("""
                {
                  "findings": [
                    {
                      "rule": "dangling-service",
                      "severity": "error",
                      "category": "references",
                      "object": {
                        "apiVersion": "v1",
                        "kind": "Service",
                        "namespace": "dev-sample-api",
                        "name": "web"
                      },
                      "file": "apps/web/service.yaml",
                      "line": 7,
                      "message": "selector app=webb matches no pod template",
                      "remediation": "Fix the selector."
                    }
                  ],
                  "summary": {
                    "objects": 42,
                    "files": 9,
                    "errors": 1,
                    "warnings": 0,
                    "skipped": 0
                  }
                }
                """);
    }

    @Test
    void aSourceNotRenderedIsSaidInTheSummaryLineAndInJsonWithItsReason() {
        CheckReport report = new CheckReport(List.of(), new Summary(3, 2, 0, 0, 3), List.of(
                Skipped.unrenderedSource("Application argocd/ingress", "chart ingress-nginx 4.13.3 (https://kubernetes.github.io/ingress-nginx) not rendered: charts from a repository are rendered by strata check --deep"),
                new Skipped("notes.txt", "not a yaml file"),
                new Skipped("Widget/app/w (w.yaml)", "crd-provider-missing not judged: a chart of the tree was not rendered and may install the CRD of example.com")),
                List.of());
        assertThat(new TextFormatter(false).format(report))
                .as("a rule that could not judge an object is not a source that was not rendered, whatever its wording")
                .endsWith("3 objects in 2 files: 0 errors, 0 warnings, 3 skipped (1 source not rendered: their objects are not checked)\n");
        assertThat(new JsonFormatter().format(report)).contains("\n  \"notRendered\": [\n    {\n      \"what\": \"Application argocd/ingress\",\n"
                + "      \"reason\": \"chart ingress-nginx 4.13.3 (https://kubernetes.github.io/ingress-nginx) not rendered: charts from a repository are rendered by strata check --deep\"\n    }\n  ],\n")
                .doesNotContain("notes.txt").doesNotContain("crd-provider-missing");
    }

    @Test
    void sarifHasRulesResultsAndLocations() {
        assertThat(new SarifFormatter(RULES).format(new CheckReport(List.of(DANGLING), new Summary(1, 1, 1, 0, 0),
                List.of(), List.of()))).isEqualTo("""
                {
                  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                  "version": "2.1.0",
                  "runs": [
                    {
                      "tool": {
                        "driver": {
                          "name": "strata-check",
                          "informationUri": "https://strata.dev",
                          "rules": [
                            {
                              "id": "dangling-service",
                              "name": "dangling-service",
                              "shortDescription": {
                                "text": "A Service selects no pod."
                              },
                              "help": {
                                "text": "Fix the selector."
                              },
                              "defaultConfiguration": {
                                "level": "error"
                              },
                              "properties": {
                                "category": "references"
                              }
                            }
                          ]
                        }
                      },
                      "results": [
                        {
                          "ruleId": "dangling-service",
                          "level": "error",
                          "message": {
                            "text": "Service/dev-sample-api/web: selector app=webb matches no pod template"
                          },
                          "locations": [
                            {
                              "physicalLocation": {
                                "artifactLocation": {
                                  "uri": "apps/web/service.yaml"
                                },
                                "region": {
                                  "startLine": 7
                                }
                              }
                            }
                          ]
                        }
                      ]
                    }
                  ]
                }
                """);
    }

    @Test
    void junitHasASuitePerFileAndAFailurePerErrorWhileWarningsDoNotFailTheReport() {
        assertThat(new JunitFormatter().format(REPORT)).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="strata check" tests="2" failures="1">
                  <testsuite name="apps/web/deployment.yaml" tests="1" failures="0">
                    <testcase classname="apps/web/deployment.yaml" name="Deployment/dev-sample-api/web">
                      <system-out>warning apps/web/deployment.yaml:12: container web has no readiness probe (Add a readinessProbe.) [missing-readiness-probe]
                </system-out>
                    </testcase>
                  </testsuite>
                  <testsuite name="apps/web/service.yaml" tests="1" failures="1">
                    <testcase classname="apps/web/service.yaml" name="Service/dev-sample-api/web">
                      <failure type="dangling-service" message="selector app=webb matches no pod template">error apps/web/service.yaml:7: selector app=webb matches no pod template (Fix the selector.)</failure>
                    </testcase>
                  </testsuite>
                </testsuites>
                """);
        assertThat(new JunitFormatter().format(CLEAN)).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="strata check" tests="1" failures="0">
                  <testsuite name="strata check" tests="1" failures="0">
                    <testcase name="3 objects"/>
                  </testsuite>
                </testsuites>
                """);
    }

    @Test
    void junitIsWellFormedWhateverTheMessagesHold() throws Exception {
        Finding odd = new Finding("x", Severity.ERROR, Category.REFERENCES, WEB, "a&b.yaml", 1, "<tag> & \"quote\" \u0001 ]]>", "Fix it.");
        String xml = new JunitFormatter().format(new CheckReport(List.of(odd), new Summary(1, 1, 1, 0, 0), List.of(), List.of()));
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("message").getNodeValue())
                .isEqualTo("<tag> & \"quote\"  ]]>");
    }

    @Test
    void ruleListsAsTextAndJson() {
        assertThat(RuleListFormatter.text(RULES))
                .isEqualTo("dangling-service  references    error    A Service selects no pod.\n");
        assertThat(RuleListFormatter.json(RULES)).isEqualTo("""
                [
                  {
                    "id": "dangling-service",
                    "category": "references",
                    "severity": "error",
                    "crossResource": true,
                    "kinds": [
                      "Service"
                    ],
                    "description": "A Service selects no pod.",
                    "remediation": "Fix the selector."
                  }
                ]
                """);
    }

    @Test
    void unknownFormatListsTheKnownOnes() {
        assertThatThrownBy(() -> Formatters.named("yaml", false, RULES)).isInstanceOf(CheckException.class)
                .hasMessage("unknown output format \"yaml\"; known: text, json, sarif, junit");
    }
}
