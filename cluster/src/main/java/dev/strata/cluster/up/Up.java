package dev.strata.cluster.up;

import dev.strata.cluster.up.steps.ArgoCdStep;
import dev.strata.cluster.up.steps.BootstrapStep;
import dev.strata.cluster.up.steps.ClusterStep;
import dev.strata.cluster.up.steps.CniStep;
import dev.strata.cluster.up.steps.DoctorStep;
import dev.strata.cluster.up.steps.GitServerStep;
import dev.strata.cluster.up.steps.GitSourceStep;
import dev.strata.cluster.up.steps.ImagesStep;
import dev.strata.cluster.up.steps.LoadImageStep;
import dev.strata.cluster.up.steps.ProveStep;
import dev.strata.cluster.up.steps.RenderStep;
import dev.strata.cluster.up.steps.SecretsStep;
import dev.strata.cluster.up.steps.WaitStep;
import dev.strata.spec.AppSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** {@code strata up}: the steps in order, then what took how long and what to run next. */
public final class Up {

    private Up() {
    }

    public static Pipeline pipeline() {
        return new Pipeline(List.of(new DoctorStep(), new RenderStep(), new ProveStep(), new ClusterStep(), new ImagesStep(), new LoadImageStep(), new CniStep(),
                new SecretsStep(), new ArgoCdStep(), new GitServerStep(), new GitSourceStep(), new BootstrapStep(), new WaitStep()));
    }

    public static List<Pipeline.Outcome> run(UpContext ctx) {
        return pipeline().run(ctx);
    }

    /** Per-phase durations, the URLs and where the credentials are — never a password. */
    public static void summary(UpContext ctx, List<Pipeline.Outcome> outcomes, String specArg, PrintWriter out) {
        Duration total = outcomes.stream().map(Pipeline.Outcome::duration).reduce(Duration.ZERO, Duration::plus);
        out.println();
        out.println("Platform " + ctx.spec().name() + " is up: every Application is Synced and Healthy (" + Pipeline.seconds(total) + " this run).");
        out.println("  " + outcomes.stream().map(o -> o.step() + " " + switch (o.status()) {
            case DONE -> Pipeline.seconds(o.duration());
            case UNCHANGED -> "unchanged";
            case NOT_APPLICABLE -> "n/a";
        }).collect(Collectors.joining(" · ")));
        var facts = ctx.facts();
        if (!ctx.spec().apps().isEmpty()) {
            out.println("Apps (through the gateway, TLS from the cluster's own CA):");
            for (AppSpec app : ctx.spec().apps()) {
                for (var env : app.environments()) {
                    out.println("  https://" + facts.gateway().appHost(app.name(), env.name()) + "/");
                }
            }
        }
        out.println("Argo CD:  kubectl -n argocd port-forward svc/argocd-server 8080:80   (user admin; password in Secret argocd/argocd-initial-admin-secret, key password)");
        if (ctx.facts().component("kube-prometheus-stack").isPresent()) {
            out.println("Grafana:  kubectl -n monitoring port-forward svc/kube-prometheus-stack-grafana 3000:80   (Secret monitoring/grafana-admin, keys admin-user, admin-password)");
        }
        if (ctx.spec().git().inCluster()) {
            out.println("Gitea:    kubectl -n gitea port-forward svc/gitea-http 3000:3000   (Secret gitea/gitea-admin, keys username, password)");
        }
        out.println("Next:");
        out.println("  strata verify" + specArg + "     # prove it by trying: mTLS, policies, gateway, telemetry");
        out.println("  strata status" + specArg);
        out.println("  strata down" + specArg + "       # when done");
    }
}
