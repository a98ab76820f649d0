package dev.strata.cluster.verify.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.cluster.verify.Check;
import dev.strata.cluster.verify.CheckResult;
import dev.strata.cluster.verify.CurlOutcome;
import dev.strata.cluster.verify.VerifyContext;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tracing end to end: verify makes a request to the sample API with a W3C traceparent carrying a
 * trace id it just generated, then asks Tempo for that trace id (retrying inside the probe for up
 * to a minute: spans are batched before they are written).
 */
public final class TempoHasTrace implements Check {

    @Override
    public String id() {
        return "tempo-trace";
    }

    @Override
    public String title() {
        return "Tempo returns the trace of a request verify just made";
    }

    @Override
    public Optional<String> notApplicable(VerifyContext ctx) {
        return Applicability.first(Applicability.needsComponent(ctx, "tempo", "Tempo"), Applicability.needsApp(ctx));
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        var t = ctx.target().orElseThrow();
        String traceId = ctx.randomHex();
        String spanId = ctx.randomHex().substring(0, 16);
        String host = ctx.facts().gateway().appHost(t.app().name(), t.env());
        // The request goes in through the gateway (as a user's would): the probe's namespace is not admitted by the app's NetworkPolicy.
        String address = ctx.kube().get(GatewayServesHttps.gatewayRef(ctx.facts().gateway())).flatMap(GatewayServesHttps::address).orElse("");
        String send = address.isEmpty()
                ? "curl -s -o /dev/null -H 'traceparent: 00-" + traceId + "-" + spanId + "-01' " + t.serviceUrl("/status")
                : "curl -sk -o /dev/null --connect-to " + host + ":443:" + address + ":443 -H 'traceparent: 00-" + traceId + "-" + spanId + "-01' https://" + host + "/status";
        String url = ctx.facts().observability().tempoUrl() + "/api/traces/" + traceId;
        String script = send + "; for i in 1 2 3 4 5 6 7 8 9 10 11 12; do "
                + "c=$(curl -s -o /dev/null -w '%{http_code}' " + url + "); if [ \"$c\" = 200 ]; then break; fi; sleep 5; done; "
                + CurlOutcome.script("--max-time 10 " + url);
        CurlOutcome o = ctx.curl("tempo", VerifyContext.PROBE_NAMESPACE, script, VerifyContext.outsideMeshLabels(), VerifyContext.outsideMeshAnnotations());
        return interpret(o, traceId, t.app().name());
    }

    CheckResult interpret(CurlOutcome o, String traceId, String service) {
        if (o.exit() == 0 && o.httpCode().orElse(0) == 200) {
            Set<String> services = services(o.body());
            if (services.contains(service)) {
                return CheckResult.pass(this, "trace " + traceId + " found in Tempo with spans of service.name=" + service);
            }
            return CheckResult.fail(this, "trace " + traceId + " found in Tempo, but no span has service.name=" + service
                    + (services.isEmpty() ? " (no service.name at all)" : " (only " + String.join(", ", services) + ": the app does not export its own spans?)"));
        }
        if (o.httpCode().orElse(0) == 404) {
            return CheckResult.fail(this, "Tempo has no trace " + traceId + " after a minute (does the app export OTLP to Tempo, via Alloy?)");
        }
        return CheckResult.fail(this, "asking Tempo for trace " + traceId + ": " + o.describe());
    }

    /**
     * The {@code service.name} resource attribute of every batch of spans in Tempo's answer (OTLP JSON:
     * {@code batches} in Tempo's v1 API, {@code resourceSpans} in newer responses). Only an exact
     * attribute counts: the gateway's own span mentions the app's host and path, which a text search
     * would take for the app.
     */
    static Set<String> services(String body) {
        Set<String> out = new TreeSet<>();
        try {
            JsonNode root = new ObjectMapper().readTree(body);
            for (String field : new String[] {"batches", "resourceSpans"}) {
                for (JsonNode batch : root.path(field)) {
                    for (JsonNode attr : batch.path("resource").path("attributes")) {
                        if ("service.name".equals(attr.path("key").asText())) {
                            out.add(attr.path("value").path("stringValue").asText());
                        }
                    }
                }
            }
        } catch (IOException e) {
            // not JSON: no service named
        }
        return out;
    }
}
