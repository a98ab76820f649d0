package dev.strata.render.config;

import dev.strata.plan.ConfigBundle;
import dev.strata.plan.ResolvedComponent;
import dev.strata.render.Generator;
import dev.strata.render.RenderContext;
import dev.strata.render.RenderedTree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code platform/config/<component>-config/}: the objects a component needs to do anything that its
 * chart does not render (MetalLB's IPAddressPool and L2Advertisement), from its catalog entry, with
 * the placeholders of its {@code configByProvider} filled in for the cluster's provider. Synced after
 * the component (its webhooks must admit them).
 */
public final class ComponentConfigGenerator implements Generator {

    @Override
    public String name() {
        return "component configuration";
    }

    @Override
    public void generate(RenderContext ctx, RenderedTree out) {
        String provider = ctx.spec().cluster().provider().id();
        for (ResolvedComponent rc : ctx.components()) {
            if (rc.entry().config().isEmpty()) {
                continue;
            }
            Map<String, String> values = rc.entry().configByProvider().getOrDefault(provider, Map.of());
            String dir = Bundles.dir(ConfigBundle.configName(rc.id()));
            for (Map<String, Object> object : rc.entry().config()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> filled = (Map<String, Object>) fill(object, values);
                List<String> header = new ArrayList<>();
                header.add("Needed by " + rc.entry().title() + " to do anything; its chart does not render it (catalog " + rc.id() + ").");
                if (!values.isEmpty()) {
                    header.add("Filled in for provider " + provider + ": " + String.join(", ", values.entrySet().stream()
                            .map(e -> e.getKey() + " = " + e.getValue()).toList()) + ".");
                }
                ConfigFile.write(out, dir, header, filled, List.of());
            }
        }
    }

    private static Object fill(Object node, Map<String, String> values) {
        if (node instanceof String s) {
            String r = s;
            for (Map.Entry<String, String> e : values.entrySet()) {
                r = r.replace("${" + e.getKey() + "}", e.getValue());
            }
            return r;
        }
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), fill(v, values)));
            return out;
        }
        if (node instanceof List<?> l) {
            return l.stream().map(x -> fill(x, values)).toList();
        }
        return node;
    }
}
