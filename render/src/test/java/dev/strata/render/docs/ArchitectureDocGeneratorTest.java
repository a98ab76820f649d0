package dev.strata.render.docs;

import dev.strata.catalog.Release;
import dev.strata.plan.ResolvedComponent;
import dev.strata.plan.Wave;
import dev.strata.plan.WaveItem;
import dev.strata.plan.capacity.NodeUsage;
import dev.strata.render.RenderContext;
import dev.strata.render.RenderedTree;
import dev.strata.render.RenderFixtures;
import dev.strata.spec.AppEnvironment;
import dev.strata.spec.AppSpec;
import dev.strata.spec.NodeGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureDocGeneratorTest {

    static final List<String> ALL = RenderFixtures.profiles();

    /** A node definition or an edge end: {@code id[...]}, {@code id([...])}, {@code id --> id}. */
    private static final Pattern NODE_DEF = Pattern.compile("^\\s*([^\\s\\[\\(]+)(\\[|\\(\\[|\\[\\()\"");
    private static final Pattern EDGE = Pattern.compile("^\\s*(\\S+) (-->|-\\.->)(\\|\"[^\"]*\"\\|)? (\\S+)$");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    static String doc(String profile) {
        RenderedTree t = new RenderedTree();
        new ArchitectureDocGenerator().generate(RenderFixtures.context(profile), t);
        assertThat(t.files().keySet()).containsExactly("docs/ARCHITECTURE.md");
        return t.get("docs/ARCHITECTURE.md");
    }

    static List<String> mermaidBlocks(String md) {
        List<String> blocks = new ArrayList<>();
        String[] lines = md.split("\n", -1);
        StringBuilder current = null;
        for (String l : lines) {
            if (current == null && l.equals("```mermaid")) {
                current = new StringBuilder();
            } else if (current != null && l.equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                assertThat(l).as("a fence opened inside a mermaid block").doesNotStartWith("```");
                current.append(l).append('\n');
            }
        }
        assertThat(current).as("unclosed ```mermaid fence").isNull();
        return blocks;
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void listsEveryEnabledComponentWithItsVersionsLayerAndNamespace(String profile) {
        RenderContext ctx = RenderFixtures.context(profile);
        String md = doc(profile);
        for (ResolvedComponent rc : ctx.components()) {
            List<String> rows = md.lines().filter(l -> l.startsWith("| " + rc.id() + " | ")).toList();
            assertThat(rows).as(rc.id()).isNotEmpty();
            for (Release r : rc.releases()) {
                assertThat(rows).as(rc.id() + "/" + r.name()).anySatisfy(row -> assertThat(row)
                        .contains("| " + r.name() + " | " + rc.entry().layer().id() + " | " + rc.entry().namespaceOf(r) + " |")
                        .contains("| " + r.source().version() + " |"));
            }
            rc.entry().tools().forEach(tool -> {
                if (rc.releases().isEmpty()) {
                    assertThat(rows.get(0)).contains(tool.name() + " " + tool.version());
                }
            });
        }
        ctx.facts().platformNamespaces().keySet().forEach(ns -> assertThat(md).contains("| `" + ns + "` |"));
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void aComponentInertByChoiceIsShownAsDoingNothingWithTheSpecsReasonAndNoOtherIs(String profile) {
        RenderContext ctx = RenderFixtures.context(profile);
        String md = doc(profile);
        for (ResolvedComponent rc : ctx.components()) {
            var inert = java.util.Optional.ofNullable(ctx.spec().components().get(rc.id())).flatMap(c -> c.inert());
            if (inert.isPresent()) {
                assertThat(md).contains("- **" + rc.id() + "** is installed but does nothing: " + inert.get());
            } else {
                assertThat(md).doesNotContain("- **" + rc.id() + "** is installed but does nothing");
            }
        }
    }

    @Test
    void kindFullSaysVeleroAndExternalDnsDoNothing() {
        assertThat(doc("kind-full")).contains("- **velero** is installed but does nothing:", "- **external-dns** is installed but does nothing:");
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void listsEveryAppNamespaceWithItsMeshEnrolmentAndRestrictedPodSecurity(String profile) {
        RenderContext ctx = RenderFixtures.context(profile);
        String md = doc(profile);
        String enrolment = switch (ctx.facts().meshMode()) {
            case ISTIO_AMBIENT -> "label `istio.io/dataplane-mode=ambient`";
            case ISTIO_SIDECAR -> "label `istio-injection=enabled`";
            case LINKERD -> "annotation `linkerd.io/inject=enabled`";
            case NONE -> "none (no mesh)";
        };
        for (AppSpec a : ctx.spec().apps()) {
            for (AppEnvironment e : a.environments()) {
                assertThat(md.lines().filter(l -> l.startsWith("| `" + e.name() + "-" + a.name() + "` |")))
                        .as(e.name() + "-" + a.name()).singleElement().asString()
                        .contains(enrolment, "| restricted |", "| " + e.replicas() + " (" + e.maxReplicas() + ") |");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void hasFourWellFormedMermaidDiagramsWithSafeIds(String profile) {
        List<String> blocks = mermaidBlocks(doc(profile));
        assertThat(blocks).hasSize(4);
        for (String b : blocks) {
            List<String> lines = b.lines().toList();
            assertThat(lines.get(0)).matches("flowchart (LR|TD|BT)");
            long subgraphs = lines.stream().filter(l -> l.strip().startsWith("subgraph ")).count();
            long ends = lines.stream().filter(l -> l.strip().equals("end")).count();
            assertThat(ends).as("subgraph/end balance").isEqualTo(subgraphs);
            for (String l : lines.subList(1, lines.size())) {
                assertThat(l.chars().filter(c -> c == '"').count() % 2).as("quotes balanced in: " + l).isZero();
                String s = l.strip();
                if (s.equals("end")) {
                    continue;
                }
                if (s.startsWith("subgraph ")) {
                    assertThat(s.split(" ")[1]).matches(ID);
                    continue;
                }
                Matcher def = NODE_DEF.matcher(l);
                Matcher edge = EDGE.matcher(l);
                assertThat(def.find() || edge.matches()).as("neither a node nor an edge: " + l).isTrue();
                if (edge.matches()) {
                    assertThat(edge.group(1)).matches(ID).isNotEqualTo("end");
                    assertThat(edge.group(4)).matches(ID).isNotEqualTo("end");
                } else {
                    assertThat(def.group(1)).matches(ID).isNotEqualTo("end");
                }
            }
        }
    }

    @Test
    void theTrafficDiagramFollowsTheMeshMode() {
        assertThat(mermaidBlocks(doc("talos-ambient")).get(1)).contains("ztunnel", "HBONE", "no sidecar").doesNotContain("istio-proxy");
        assertThat(mermaidBlocks(doc("kind-lab")).get(1)).contains("istio-proxy sidecar", "STRICT").doesNotContain("ztunnel");
        assertThat(mermaidBlocks(doc("cell")).get(1)).contains("linkerd-proxy").doesNotContain("ztunnel", "istio-proxy");
        assertThat(mermaidBlocks(doc("kind-lab")).get(0)).contains(".kind-lab.localhost via 127.0.0.1 (kind port mapping)", "Istio ingress gateway");
        assertThat(mermaidBlocks(doc("kind-full")).get(0)).contains(".kind-full.localhost:8443 via 127.0.0.1 (kind port mapping)\"| gw_kong");
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void showsEveryWaveOfThePlanWithItsItemsInOrder(String profile) {
        RenderContext ctx = RenderFixtures.context(profile);
        String md = doc(profile);
        String gitops = mermaidBlocks(md).get(2);
        int last = -1;
        for (Wave w : ctx.plan().waves()) {
            int at = gitops.indexOf("[\"wave " + w.number() + "<br/>");
            assertThat(at).as("wave " + w.number()).isGreaterThan(last);
            last = at;
            for (WaveItem i : w.items()) {
                assertThat(md).contains("| " + w.number() + " | " + Diagrams.itemLabel(ctx, i) + " | ");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void showsEveryNodeGroupAndTheBudgetOfEveryPlannedNode(String profile) {
        RenderContext ctx = RenderFixtures.context(profile);
        String md = doc(profile);
        for (NodeGroup g : ctx.spec().cluster().nodes()) {
            assertThat(md).contains("| " + g.name() + " | " + g.role().id() + " | " + g.tier().orElse("-") + " | " + g.count() + " | "
                    + g.capacity().toCpuMem() + " |");
        }
        for (NodeUsage n : ctx.plan().capacity().nodes()) {
            assertThat(md).contains("| " + n.node().name() + " | " + n.node().tierName() + " | " + n.requested().cpu().toCpuString() + " / "
                    + n.node().allocatable().cpu().toCpuString());
        }
        assertThat(md).contains("| Strata components | " + ctx.plan().capacity().componentRequests().cpu().toCpuString() + " |");
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void isTheSameBytesEveryTimeAndCarriesNoDate(String profile) {
        String first = doc(profile);
        RenderedTree again = new RenderedTree();
        new ArchitectureDocGenerator().generate(RenderFixtures.context(RenderFixtures.withCluster(profile, c -> c)), again);
        assertThat(again.get("docs/ARCHITECTURE.md")).isEqualTo(first);
        assertThat(first).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    }
}
