package dev.strata.cluster.verify.checks;

import dev.strata.cluster.kube.AppStatus;
import dev.strata.cluster.verify.Check;
import dev.strata.cluster.verify.CheckResult;
import dev.strata.cluster.verify.VerifyContext;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

public final class ApplicationsHealthy implements Check {

    @Override
    public String id() {
        return "applications-healthy";
    }

    @Override
    public String title() {
        return "every Argo CD Application is Synced and Healthy";
    }

    @Override
    public Optional<String> notApplicable(VerifyContext ctx) {
        return Optional.empty();
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        List<AppStatus> apps = ctx.kube().applications();
        if (apps.isEmpty()) {
            return CheckResult.fail(this, "no Applications in namespace argocd (has strata up run?)");
        }
        List<AppStatus> bad = apps.stream().filter(a -> !a.ready()).toList();
        if (bad.isEmpty()) {
            return CheckResult.pass(this, apps.size() + " Applications Synced and Healthy");
        }
        return CheckResult.fail(this, bad.stream().map(a -> a.name() + " " + a.sync() + "/" + a.health() + (a.message().isEmpty() ? "" : " (" + a.message() + ")"))
                .collect(Collectors.joining("; ")));
    }
}
