package dev.strata.cli;

import dev.strata.cluster.kube.Kube;
import dev.strata.cluster.verify.CheckResult;
import dev.strata.cluster.verify.Verifier;
import dev.strata.cluster.verify.VerifyContext;
import dev.strata.cluster.verify.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

@Command(name = "verify",
        header = "Prove the running platform by trying what it promises.", mixinStandardHelpOptions = true,
        description = {"Prove the running platform by trying: Applications healthy, plaintext refused by STRICT mTLS,",
            "NetworkPolicy-denied traffic dropped, AuthorizationPolicy 403, Kyverno rejecting a bad Pod, the gateway's",
            "HTTPS with the cert-manager certificate, Prometheus target up, Loki logs, a Tempo trace of a request",
            "verify made, platform pods on platform nodes. Checks that do not apply are SKIPPED with the reason.",
            "Probe pods (curl pinned by digest) are deleted afterwards. Exit 1 when a check fails."},
        footer = {"", "Examples:", "  strata verify", "  strata verify -o junit > verify.xml   # for CI test reports"})
final class VerifyCommand extends LifecycleCommand {

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", description = "text (default), json, or junit (JUnit XML on stdout).")
    String output;

    @Override
    public Integer call() {
        if (!output.equals("text") && !output.equals("junit") && !output.equals("json")) {
            throw new UserException("-o " + output + ": not a format; known: text, json, junit");
        }
        Kube kube = connect();
        SecureRandom random = new SecureRandom();
        VerifyContext ctx = new VerifyContext(platform(), plan(), seams().catalog(), kube, seams().ticker(), () -> {
            byte[] b = new byte[16];
            random.nextBytes(b);
            return HexFormat.of().formatHex(b);
        });
        List<CheckResult> results = Verifier.standard().run(ctx);
        out().print(switch (output) {
            case "junit" -> VerifyReport.junit(results);
            case "json" -> Json.write(LifecycleJson.verify(results)) + "\n";
            default -> VerifyReport.text(results);
        });
        out().flush();
        return Verifier.passed(results) ? Strata.OK : Strata.WRONG;
    }
}
