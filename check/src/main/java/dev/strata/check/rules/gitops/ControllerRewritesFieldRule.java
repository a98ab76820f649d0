package dev.strata.check.rules.gitops;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A field Argo CD applies that a controller rewrites after apply: the live object never equals Git,
 * so the Application stays OutOfSync for ever (and a wave waiting for Synced never ends) unless the
 * Application ignores that field. Known rewriters:
 * <ul>
 *   <li>Istio's webhook controller sets {@code failurePolicy: Fail} on the validating webhooks it
 *       labels {@code istio.io/rev} (istio pkg/webhooks/validation/controller; the charts render
 *       {@code Ignore} under helm template, istio#44285, argo-cd#25447) and writes their
 *       {@code caBundle};</li>
 *   <li>cert-manager's CA injector writes {@code caBundle} on webhooks, CRD conversion webhooks and
 *       APIServices annotated {@code cert-manager.io/inject-ca-from*} — drift only when the manifest
 *       sets {@code caBundle} itself (a field the manifest leaves out is not compared).</li>
 * </ul>
 * Covered when the Application's {@code ignoreDifferences} names the kind and the field (jsonPointers
 * or jqPathExpressions); without {@code RespectIgnoreDifferences=true} every sync still writes the
 * value back (a warning).
 */
public final class ControllerRewritesFieldRule extends BaseRule {

    public ControllerRewritesFieldRule() {
        super(RuleInfo.across("synced-field-rewritten", Category.GITOPS, Severity.ERROR,
                "A field the Application applies is rewritten by a controller after apply (a webhook's failurePolicy or caBundle), so the Application never stays Synced.",
                "Render the value the controller sets (Istio: base.validationFailurePolicy: Fail), leave the field out, or add it to the Application's ignoreDifferences with RespectIgnoreDifferences=true."));
    }

    private record Rewrite(String field, String jq, String pointer, String by) {
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        String kind = object.kind();
        boolean webhook = object.group().equals("admissionregistration.k8s.io")
                && (kind.equals("ValidatingWebhookConfiguration") || kind.equals("MutatingWebhookConfiguration"));
        boolean crd = object.is("apiextensions.k8s.io", "CustomResourceDefinition");
        boolean apiService = object.is("apiregistration.k8s.io", "APIService");
        if (!(webhook || crd || apiService)) {
            return;
        }
        Optional<Resource> app = CrdSyncWaveRule.application(object, ctx);
        if (app.isEmpty()) {
            return; // not synced by Argo CD: nothing compares it with Git
        }
        List<Rewrite> rewrites = new ArrayList<>();
        boolean istio = object.labels().containsKey("istio.io/rev") && kind.equals("ValidatingWebhookConfiguration");
        boolean injected = object.annotations().keySet().stream().anyMatch(a -> a.startsWith("cert-manager.io/inject-ca-from")
                || a.equals("cert-manager.io/inject-apiserver-ca"));
        if (webhook) {
            List<YMap> hooks = object.root().maps("webhooks");
            if (istio && hooks.stream().anyMatch(h -> h.str("failurePolicy").filter(p -> !p.equals("Fail")).isPresent())) {
                rewrites.add(new Rewrite("webhooks[].failurePolicy", ".webhooks[].failurePolicy", "/webhooks", "Istio's webhook controller sets it to Fail"));
            }
            if ((istio || injected) && hooks.stream().anyMatch(h -> h.path("clientConfig").map(c -> c.has("caBundle")).orElse(false))) {
                rewrites.add(new Rewrite("webhooks[].clientConfig.caBundle", ".webhooks[].clientConfig.caBundle", "/webhooks",
                        istio ? "Istio's webhook controller writes the CA" : "cert-manager's CA injector writes the CA"));
            }
        } else if (injected) {
            boolean sets = crd ? object.spec().path("conversion", "webhook", "clientConfig").map(c -> c.has("caBundle")).orElse(false)
                    : object.spec().has("caBundle");
            if (sets) {
                rewrites.add(crd ? new Rewrite("spec.conversion.webhook.clientConfig.caBundle", ".spec.conversion.webhook.clientConfig.caBundle",
                        "/spec/conversion/webhook/clientConfig/caBundle", "cert-manager's CA injector writes the CA")
                        : new Rewrite("spec.caBundle", ".spec.caBundle", "/spec/caBundle", "cert-manager's CA injector writes the CA"));
            }
        }
        if (rewrites.isEmpty()) {
            return;
        }
        for (Rewrite r : rewrites) {
            boolean ignored = ignores(app.get(), object, r);
            if (!ignored) {
                ctx.report(r.field() + " is applied as written but " + r.by() + " after apply: Application " + app.get().name()
                        + " stays OutOfSync (add it to ignoreDifferences or render the value the controller sets)");
            } else if (!app.get().spec().path("syncPolicy").map(p -> p.strings("syncOptions").contains("RespectIgnoreDifferences=true")).orElse(false)) {
                ctx.report(object.line(), r.field() + " is ignored in the diff of Application " + app.get().name() + " but without "
                        + "RespectIgnoreDifferences=true every sync writes it back before " + r.by(), Severity.WARNING);
            }
        }
    }

    private static boolean ignores(Resource app, Resource object, Rewrite r) {
        for (YMap d : app.spec().maps("ignoreDifferences")) {
            if (!d.strOr("kind", "").equals(object.kind()) || !d.strOr("group", "").equals(object.group())) {
                continue;
            }
            if (d.str("name").filter(n -> !n.equals(object.name())).isPresent()) {
                continue;
            }
            if (!d.strings("managedFieldsManagers").isEmpty()) {
                return true;
            }
            for (String jq : d.strings("jqPathExpressions")) {
                String normalized = jq.replace("?", "").strip();
                if (r.jq().startsWith(normalized)) {
                    return true;
                }
            }
            for (String pointer : d.strings("jsonPointers")) {
                String p = pointer.replaceAll("/[0-9]+(?=/|$)", "");
                if (r.pointer().startsWith(p) || p.startsWith(r.pointer()) && pointerCovers(p, r.jq())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A JSON pointer with list indexes dropped, compared with the field's path. */
    private static boolean pointerCovers(String pointer, String jq) {
        String asJq = pointer.replace('/', '.');
        return jq.replace("[]", "").startsWith(asJq);
    }
}
