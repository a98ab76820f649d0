package dev.strata.cluster.verify.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.cluster.verify.Check;
import dev.strata.cluster.verify.CheckResult;
import dev.strata.cluster.verify.CurlOutcome;
import dev.strata.cluster.verify.VerifyContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Prometheus scrapes the sample API: {@code up{namespace="<env>-<app>"}} has a series with value 1. */
public final class PrometheusTargetUp implements Check {

    @Override
    public String id() {
        return "prometheus-target-up";
    }

    @Override
    public String title() {
        return "Prometheus has the sample API target up";
    }

    @Override
    public Optional<String> notApplicable(VerifyContext ctx) {
        return Applicability.first(Applicability.needsComponent(ctx, "kube-prometheus-stack", "Prometheus"), Applicability.needsApp(ctx));
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        var t = ctx.target().orElseThrow();
        String query = "up{namespace=\"" + t.namespace() + "\"}";
        String url = ctx.facts().observability().prometheusUrl() + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        CurlOutcome o = ctx.curl("prometheus", VerifyContext.PROBE_NAMESPACE, CurlOutcome.script("--max-time 10 '" + url + "'"),
                VerifyContext.outsideMeshLabels(), VerifyContext.outsideMeshAnnotations());
        return interpret(o, query);
    }

    CheckResult interpret(CurlOutcome o, String query) {
        if (o.exit() != 0 || o.httpCode().orElse(0) != 200) {
            return CheckResult.fail(this, "querying Prometheus for " + query + ": " + o.describe());
        }
        Optional<JsonNode> json = Json.parse(o.body());
        if (json.isEmpty()) {
            return CheckResult.fail(this, "Prometheus answered something that is not JSON: " + o.body().lines().findFirst().orElse(""));
        }
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        for (JsonNode r : json.get().path("data").path("result")) {
            String who = r.path("metric").path("job").asText("?") + "/" + r.path("metric").path("pod").asText("?");
            ("1".equals(r.path("value").path(1).asText()) ? up : down).add(who);
        }
        if (!up.isEmpty()) {
            return CheckResult.pass(this, query + ": " + up.size() + " target(s) up: " + String.join(", ", up) + (down.isEmpty() ? "" : "; down: " + String.join(", ", down)));
        }
        return CheckResult.fail(this, down.isEmpty() ? query + " has no series: Prometheus does not scrape the app (ServiceMonitor selector?)"
                : query + ": every target is down: " + String.join(", ", down));
    }
}
