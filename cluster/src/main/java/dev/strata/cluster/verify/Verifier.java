package dev.strata.cluster.verify;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.verify.checks.ApplicationsHealthy;
import dev.strata.cluster.verify.checks.AuthorizationDenied;
import dev.strata.cluster.verify.checks.GatewayServesHttps;
import dev.strata.cluster.verify.checks.KyvernoRejects;
import dev.strata.cluster.verify.checks.LokiHasLogs;
import dev.strata.cluster.verify.checks.NetworkPolicyDenies;
import dev.strata.cluster.verify.checks.PlaintextRefused;
import dev.strata.cluster.verify.checks.PlatformPodsOnPlatformNodes;
import dev.strata.cluster.verify.checks.PrometheusTargetUp;
import dev.strata.cluster.verify.checks.TempoHasTrace;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Runs the checks in order; one check's error is that check's FAIL, never the end of the run. */
public final class Verifier {

    private final List<Check> checks;

    public Verifier(List<Check> checks) {
        Set<String> ids = new HashSet<>();
        for (Check c : checks) {
            if (!ids.add(c.id())) {
                throw new IllegalStateException("two verify checks with id " + c.id());
            }
        }
        this.checks = List.copyOf(checks);
    }

    public static Verifier standard() {
        return new Verifier(List.of(new ApplicationsHealthy(), new PlaintextRefused(), new NetworkPolicyDenies(), new AuthorizationDenied(),
                new KyvernoRejects(), new GatewayServesHttps(), new PrometheusTargetUp(), new LokiHasLogs(), new TempoHasTrace(),
                new PlatformPodsOnPlatformNodes()));
    }

    public List<Check> checks() {
        return checks;
    }

    public List<CheckResult> run(VerifyContext ctx) {
        List<CheckResult> out = new ArrayList<>();
        try {
            runAll(ctx, out);
        } finally {
            ctx.cleanUp();
        }
        return out;
    }

    private void runAll(VerifyContext ctx, List<CheckResult> out) {
        for (Check c : checks) {
            var na = c.notApplicable(ctx);
            if (na.isPresent()) {
                out.add(CheckResult.skipped(c, na.get()));
                continue;
            }
            Instant start = ctx.ticker().now();
            CheckResult r;
            try {
                r = c.run(ctx);
            } catch (ClusterException | KubernetesClientException e) {
                r = CheckResult.fail(c, "could not try: " + e.getMessage());
            }
            out.add(r.took(Duration.between(start, ctx.ticker().now())));
        }
    }

    public static boolean passed(List<CheckResult> results) {
        return results.stream().noneMatch(r -> r.outcome() == Outcome.FAIL);
    }
}
