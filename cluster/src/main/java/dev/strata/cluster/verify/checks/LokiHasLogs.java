package dev.strata.cluster.verify.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.strata.cluster.verify.Check;
import dev.strata.cluster.verify.CheckResult;
import dev.strata.cluster.verify.CurlOutcome;
import dev.strata.cluster.verify.VerifyContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Loki returns log lines of the sample API's namespace from the last hour. */
public final class LokiHasLogs implements Check {

    @Override
    public String id() {
        return "loki-logs";
    }

    @Override
    public String title() {
        return "Loki returns the sample API's log lines";
    }

    @Override
    public Optional<String> notApplicable(VerifyContext ctx) {
        return Applicability.first(Applicability.needsComponent(ctx, "loki", "Loki"), Applicability.needsApp(ctx));
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        var t = ctx.target().orElseThrow();
        String query = "{namespace=\"" + t.namespace() + "\"}";
        String url = ctx.facts().observability().lokiUrl() + "/loki/api/v1/query_range?limit=5&since=1h&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        CurlOutcome o = ctx.curl("loki", VerifyContext.PROBE_NAMESPACE, CurlOutcome.script("--max-time 15 '" + url + "'"),
                VerifyContext.outsideMeshLabels(), VerifyContext.outsideMeshAnnotations());
        return interpret(o, query);
    }

    CheckResult interpret(CurlOutcome o, String query) {
        if (o.exit() != 0 || o.httpCode().orElse(0) != 200) {
            return CheckResult.fail(this, "querying Loki for " + query + ": " + o.describe());
        }
        Optional<JsonNode> json = Json.parse(o.body());
        int lines = 0;
        String sample = "";
        for (JsonNode stream : json.map(j -> j.path("data").path("result")).orElse(MissingNode.getInstance())) {
            for (JsonNode v : stream.path("values")) {
                lines++;
                if (sample.isEmpty()) {
                    sample = v.path(1).asText();
                }
            }
        }
        if (lines == 0) {
            return CheckResult.fail(this, query + " returned no log lines in the last hour (is the log shipper running?)");
        }
        return CheckResult.pass(this, query + ": " + lines + " line(s), e.g. " + (sample.length() > 120 ? sample.substring(0, 117) + "..." : sample));
    }
}
