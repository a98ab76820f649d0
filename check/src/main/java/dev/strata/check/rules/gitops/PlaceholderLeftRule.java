package dev.strata.check.rules.gitops;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.PodTemplate;
import dev.strata.check.graph.Resource;
import dev.strata.check.load.flux.FluxBuild;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YList;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A placeholder nobody filled in, in an object that will be applied as it is: a value a person was
 * meant to replace ({@code CHANGEME}, {@code YOUR_DOMAIN}, {@code <your-email>}) anywhere in it; an
 * unresolved substitution variable ({@code ${CLUSTER_DOMAIN}}) or template expression
 * ({@code {{ .Values.host }}}) in the fields that name and address things — names, namespaces,
 * labels, images, host names. Those two are not judged in free text (a shell script's {@code ${HOME}},
 * an alert's {@code {{ $labels.pod }}} are meant). Flux's post-build substitution is applied by the
 * loader first, so what is left here is what no Kustomization substitutes.
 */
public final class PlaceholderLeftRule extends BaseRule {

    private static final Pattern MEANT_TO_BE_REPLACED = Pattern.compile(
            "(?<![A-Za-z0-9_-])(?:(?i:change[-_]?me|replace[-_]?me)|YOUR_[A-Z0-9_]+|<(?i:your)[-_ ][^>]*>)(?![A-Za-z0-9_-])");
    private static final Pattern TEMPLATE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(?:[:=-][^}]*)?}|\\{\\{[^}]*}}");
    private static final int SHOWN = 3;

    /** A whole value meant to be replaced before use: {@code CHANGEME}, {@code YOUR_TOKEN}, {@code <your-key>}. */
    public static boolean meantToBeReplaced(String whole) {
        Matcher m = MEANT_TO_BE_REPLACED.matcher(whole.strip());
        return m.matches();
    }

    public PlaceholderLeftRule() {
        super(RuleInfo.of("placeholder-left", Category.GITOPS, Severity.ERROR,
                "A value is still a placeholder (CHANGEME, YOUR_..., an unresolved ${VAR} or {{ ... }}) in an object that is applied as it is.",
                "Fill in the value, or let the tool meant to fill it (Flux postBuild.substitute, a Helm chart) render it."));
    }

    private record Hit(int line, String path, String text) {
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        if (object.sopsEncrypted()) {
            return;
        }
        List<Hit> hits = new ArrayList<>();
        YMap root = object.root();
        if (object.is("", "ConfigMap") && root.map("data").map(d -> d.has("_example")).orElse(false)) {
            // Knative's convention (Tekton, Knative Serving): data._example documents the keys and is never read
            root = without(root, "data", "_example");
        }
        walk(root, "", hits);
        if (!FluxBuild.variablesUnknown(object)) {
            identity(object, ctx, hits); // else Flux fills its ${…} from variables the tree does not hold
        }
        for (int i = 0; i < Math.min(SHOWN, hits.size()); i++) {
            Hit h = hits.get(i);
            ctx.report(h.line(), h.path() + " is still a placeholder: " + h.text()
                    + (i == SHOWN - 1 && hits.size() > SHOWN ? " (and " + (hits.size() - SHOWN) + " more)" : ""));
        }
    }

    private static YMap without(YMap root, String field, String key) {
        Map<String, YNode> top = new LinkedHashMap<>(root.values());
        Map<String, YNode> inner = new LinkedHashMap<>(((YMap) top.get(field)).values());
        inner.remove(key);
        top.put(field, YMap.of(inner, top.get(field).line()));
        return YMap.of(top, root.line());
    }

    private static void walk(YNode node, String path, List<Hit> hits) {
        switch (node) {
            case YMap m -> {
                for (int i = 0; i < m.keyCount(); i++) {
                    walk(m.valueAt(i), path.isEmpty() ? m.keyAt(i) : path + "." + m.keyAt(i), hits);
                }
            }
            case YList l -> {
                for (int i = 0; i < l.items().size(); i++) {
                    walk(l.items().get(i), path + "[" + i + "]", hits);
                }
            }
            case YScalar s -> {
                if (s.isString()) {
                    Matcher m = MEANT_TO_BE_REPLACED.matcher(s.text());
                    if (m.find()) {
                        hits.add(new Hit(s.line(), path, m.group()));
                    }
                }
            }
        }
    }

    /** Names, namespaces, labels, images and host names: where a ${VAR} or {{ }} left over is never meant. */
    private static void identity(Resource object, RuleContext ctx, List<Hit> hits) {
        YMap meta = object.metadata();
        template(meta.get("name").orElse(null), "metadata.name", hits);
        template(meta.get("namespace").orElse(null), "metadata.namespace", hits);
        meta.map("labels").ifPresent(l -> {
            for (int i = 0; i < l.keyCount(); i++) {
                template(l.valueAt(i), "metadata.labels." + l.keyAt(i), hits);
            }
        });
        ctx.graph().podTemplate(object).ifPresent(pod -> {
            for (PodTemplate.Container c : pod.allContainers()) {
                template(c.spec().get("image").orElse(null), "container " + c.name() + " image", hits);
            }
        });
        YMap spec = object.spec();
        switch (object.kind()) {
            case "Ingress" -> {
                spec.maps("rules").forEach(r -> template(r.get("host").orElse(null), "spec.rules[].host", hits));
                spec.maps("tls").forEach(t -> t.list("hosts").ifPresent(l -> l.items().forEach(h -> template(h, "spec.tls[].hosts", hits))));
            }
            case "HTTPRoute", "GRPCRoute", "Certificate" -> {
                for (String field : List.of("hostnames", "dnsNames")) {
                    spec.list(field).ifPresent(l -> l.items().forEach(h -> template(h, "spec." + field, hits)));
                }
            }
            case "Gateway" -> spec.maps("listeners").forEach(l -> template(l.get("hostname").orElse(null), "spec.listeners[].hostname", hits));
            default -> {
            }
        }
    }

    private static void template(YNode node, String path, List<Hit> hits) {
        if (node instanceof YScalar s && s.isString()) {
            Matcher m = TEMPLATE.matcher(s.text());
            if (m.find()) {
                hits.add(new Hit(s.line(), path, m.group()));
            }
        }
    }
}
