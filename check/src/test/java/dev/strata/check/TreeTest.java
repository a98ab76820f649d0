package dev.strata.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.check.load.ChartRenderer;
import dev.strata.check.load.Kustomizer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small platform tree written the way Strata renders it: every rule runs over it together and
 * finds nothing; each deliberate break is then found by the rule meant for it, and only by it.
 */
class TreeTest {

    @TempDir
    Path root;

    private CheckReport check() {
        return CheckEngine.builder().baseDir(root)
                .kustomizer(d -> new Kustomizer.Unavailable("test"))
                .chartRenderer((c, r) -> new ChartRenderer.Failed("test"))
                .build().check(List.of(root));
    }

    private void copyTree() throws URISyntaxException, IOException {
        Path source = Path.of(TreeTest.class.getResource("/trees/clean").toURI());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = root.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.createDirectories(root.resolve(".git"));
    }

    private void replace(String file, String from, String to) throws IOException {
        Path p = root.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to));
    }

    @Test
    void theCleanTreeHasNoFindings() throws Exception {
        copyTree();
        CheckReport report = check();
        assertThat(report.findings()).isEmpty();
        assertThat(report.summary().objects()).isEqualTo(19);
        assertThat(report.summary().files()).isEqualTo(5);
        assertThat(ExitCodes.of(report)).isZero();
    }

    @Test
    void eachBreakIsFoundByItsRule() throws Exception {
        copyTree();
        Files.writeString(root.resolve("apps/web/orphan.yaml"), "apiVersion: v1\nkind: Service\n"
                + "metadata: {name: orphan, namespace: web}\nspec:\n  selector: {app: webb}\n  ports: [{port: 80}]\n");
        replace("apps/web/objects.yaml", "      ports: [{port: metrics}]\n", "      ports: [{port: 9091}]\n");
        replace("apps/web/objects.yaml", "parentRefs: [{name: public,", "parentRefs: [{name: pubilc,");
        replace("apps/web/namespace.yaml", "labels: {istio.io/dataplane-mode: ambient}", "labels: {team: web}");
        replace("apps/web/deployment.yaml", "          image: registry.lab/web:1.4.2\n",
                "          image: registry.lab/web:1.4.2\n          imagePullPolcy: Always\n");
        replace("bootstrap/root.yaml", "path: apps/web,", "path: apps/wbe,");
        CheckReport report = check();
        assertThat(report.findings()).extracting(f -> f.rule() + " " + f.object().name() + ": " + f.message())
                .containsExactlyInAnyOrder(
                        "argo-app-source-path-missing web: source path apps/wbe does not exist in this repository",
                        "schema-unknown-field web: spec.template.spec.containers[0].imagePullPolcy: unknown field "
                                + "(did you mean imagePullPolicy?)",
                        "dangling-service orphan: selector app=webb matches no pod template",
                        "networkpolicy-blocks-prometheus default-deny: blocks prometheus (namespace monitoring) from port 9090 "
                                + "of deployment web, scraped by ServiceMonitor web",
                        "httproute-parent-missing web: parent gateway gateway/pubilc does not exist",
                        "strict-mtls-not-enrolled default: mtls mode STRICT in namespace web, which is not enrolled in "
                                + "the mesh (no istio.io/dataplane-mode=ambient, istio-injection=enabled or istio.io/rev label)");
        assertThat(ExitCodes.of(report)).isEqualTo(1);
    }
}
