package dev.strata.cluster.up;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleProgressTest {

    @Test
    void pipedOutputIsPlainLinesWithoutControlCharacters() {
        StringWriter out = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(out, true), false);
        p.start("Installing Argo CD");
        p.info("pulling chart argo-cd 10.1.1");
        p.done("argo-cd 10.1.1, 41s");
        p.skipped("Loading the sample API image into kind", "the spec has no apps");
        p.start("Applying the root Application");
        p.failed("applying AppProject argocd/bootstrap: forbidden");

        assertThat(out.toString()).isEqualTo("""
                 • Installing Argo CD ...
                   pulling chart argo-cd 10.1.1
                 ✓ Installing Argo CD (argo-cd 10.1.1, 41s)
                 - Loading the sample API image into kind: skipped, the spec has no apps
                 • Applying the root Application ...
                 ✗ Applying the root Application: applying AppProject argocd/bootstrap: forbidden
                """);
    }

    @Test
    void onATerminalTheStepLineIsRewrittenInPlace() {
        StringWriter out = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(out, true), true);
        p.start("Installing Argo CD");
        p.done("41s");
        assertThat(out.toString()).startsWith(" • Installing Argo CD ").contains("\r ✓ Installing Argo CD (41s)\n");
    }
}
