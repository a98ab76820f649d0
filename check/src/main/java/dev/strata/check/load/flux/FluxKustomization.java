package dev.strata.check.load.flux;

import dev.strata.check.graph.Resource;
import dev.strata.check.load.Plain;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Flux {@code kustomize.toolkit.fluxcd.io} Kustomization, read for what the loader needs: the
 * source and path it builds, the fields kustomize-controller writes into the kustomization
 * ({@code targetNamespace}, {@code namePrefix}/{@code nameSuffix}, {@code patches}, {@code images},
 * {@code components}) and the post-build substitution.
 */
public record FluxKustomization(Resource object, String path, SourceRef source, String targetNamespace,
                                String namePrefix, String nameSuffix, List<Object> patches, List<Object> images,
                                List<String> components, Map<String, String> substitute,
                                List<ValuesRef> substituteFrom, boolean substituteAlways) {

    public static final String GROUP = "kustomize.toolkit.fluxcd.io";

    /** {@code sourceRef}: kind, name, namespace (defaulting to the referrer's). */
    public record SourceRef(String kind, String name, String namespace) {
        static SourceRef of(YMap ref, String defaultNamespace) {
            return new SourceRef(ref.strOr("kind", ""), ref.strOr("name", ""), ref.strOr("namespace", defaultNamespace));
        }

        public String display() {
            return kind + " " + namespace + "/" + name;
        }
    }

    /** A ConfigMap or Secret read for variables or values ({@code substituteFrom}, {@code valuesFrom}). */
    public record ValuesRef(String kind, String name, boolean optional, String valuesKey, String targetPath) {
        public String display(String namespace) {
            return kind + " " + namespace + "/" + name;
        }
    }

    public static boolean is(Resource r) {
        return r.is(GROUP, "Kustomization");
    }

    public static FluxKustomization of(Resource r) {
        YMap spec = r.spec();
        YMap post = spec.map("postBuild").orElse(YMap.empty());
        Map<String, String> substitute = new LinkedHashMap<>(post.stringMap("substitute"));
        return new FluxKustomization(r, spec.strOr("path", ""),
                SourceRef.of(spec.map("sourceRef").orElse(YMap.empty()), r.namespace()),
                spec.strOr("targetNamespace", ""), spec.strOr("namePrefix", ""), spec.strOr("nameSuffix", ""),
                plainList(spec, "patches"), plainList(spec, "images"), spec.strings("components"), substitute,
                refs(post, "substituteFrom"), "Always".equals(post.strOr("substituteStrategy", "")));
    }

    /** The namespace/name pairs of {@code spec.dependsOn}, with the line of each. */
    public static List<Dependency> dependsOn(Resource r) {
        List<Dependency> out = new ArrayList<>();
        r.spec().list("dependsOn").ifPresent(l -> {
            for (var item : l.items()) {
                if (item instanceof YMap m && m.str("name").isPresent()) {
                    out.add(new Dependency(m.strOr("namespace", r.namespace()), m.strOr("name", ""), m.line()));
                }
            }
        });
        return out;
    }

    /** One entry of {@code dependsOn}. */
    public record Dependency(String namespace, String name, int line) {
    }

    static List<ValuesRef> refs(YMap parent, String key) {
        List<ValuesRef> out = new ArrayList<>();
        for (YMap m : parent.maps(key)) {
            out.add(new ValuesRef(m.strOr("kind", ""), m.strOr("name", ""), m.bool("optional").orElse(false),
                    m.strOr("valuesKey", "values.yaml"), m.strOr("targetPath", "")));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> plainList(YMap spec, String key) {
        return spec.list(key).map(l -> (List<Object>) Plain.of(l)).orElse(List.of());
    }

    public int line(String key) {
        YMap spec = object.spec();
        return spec.has(key) ? spec.keyLine(key) : object.line();
    }
}
