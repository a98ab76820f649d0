package dev.strata.check.load.flux;

import dev.strata.check.graph.Resource;
import dev.strata.check.load.InlineValues;
import dev.strata.check.load.Plain;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YamlReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Flux {@code helm.toolkit.fluxcd.io} HelmRelease, read as helm-controller reads it
 * ({@code api/v2/helmrelease_types.go}, {@code fluxcd/pkg chartutil/values.go}): the release name and
 * namespace, where its chart comes from, and its values — each {@code valuesFrom} in order
 * (deep-merged at the root, or set at {@code targetPath}), then {@code spec.values} over them.
 */
public record FluxHelmRelease(Resource object, String releaseName, String namespace, Chart chart) {

    public static final String GROUP = "helm.toolkit.fluxcd.io";

    /** Where the chart is. */
    public sealed interface Chart permits InSource, FromRepository, Unknown {
    }

    /** A chart at a path of a GitRepository or Bucket (the version is ignored there). */
    public record InSource(FluxKustomization.SourceRef source, String path) implements Chart {
    }

    /** A chart from a HelmRepository (HTTP or OCI) or an OCIRepository: repository URL, name, version. */
    public record FromRepository(String repository, String chart, String version) implements Chart {
    }

    public record Unknown(String why) implements Chart {
    }

    /** The values, or why they cannot be known offline. */
    public record Values(Optional<Map<String, Object>> values, String why) {
    }

    public static boolean is(Resource r) {
        return r.is(GROUP, "HelmRelease");
    }

    /**
     * @param sources the loaded objects, to find the HelmRepository or OCIRepository the chart comes from
     */
    public static FluxHelmRelease of(Resource r, List<Resource> sources) {
        YMap spec = r.spec();
        String target = spec.strOr("targetNamespace", "");
        String namespace = target.isEmpty() ? r.namespace() : target;
        String release = spec.str("releaseName").orElse(target.isEmpty() ? r.name() : target + "-" + r.name());
        return new FluxHelmRelease(r, shorten(release), namespace, chart(r, sources));
    }

    private static Chart chart(Resource r, List<Resource> sources) {
        YMap spec = r.spec();
        Optional<YMap> chartSpec = spec.path("chart", "spec");
        if (chartSpec.isPresent()) {
            YMap c = chartSpec.get();
            FluxKustomization.SourceRef ref = FluxKustomization.SourceRef.of(c.map("sourceRef").orElse(YMap.empty()), r.namespace());
            String chart = c.strOr("chart", "");
            if (ref.kind().equals("GitRepository") || ref.kind().equals("Bucket")) {
                return new InSource(ref, chart);
            }
            Optional<Resource> repo = find(sources, "source.toolkit.fluxcd.io", ref.kind(), ref.namespace(), ref.name());
            if (repo.isEmpty()) {
                return new Unknown(ref.display() + " is not in the checked tree");
            }
            String url = repo.get().spec().strOr("url", "");
            if ("oci".equals(repo.get().spec().strOr("type", "")) && !url.startsWith("oci://")) {
                url = "oci://" + url;
            }
            return new FromRepository(url, chart, c.strOr("version", "*"));
        }
        Optional<YMap> chartRef = spec.map("chartRef");
        if (chartRef.isPresent()) {
            FluxKustomization.SourceRef ref = FluxKustomization.SourceRef.of(chartRef.get(), r.namespace());
            if (!ref.kind().equals("OCIRepository")) {
                return new Unknown("chartRef " + ref.display() + " is not read offline");
            }
            Optional<Resource> repo = find(sources, "source.toolkit.fluxcd.io", "OCIRepository", ref.namespace(), ref.name());
            if (repo.isEmpty()) {
                return new Unknown(ref.display() + " is not in the checked tree");
            }
            String url = repo.get().spec().strOr("url", "").replaceAll("/+$", "");
            int slash = url.lastIndexOf('/');
            String tag = repo.get().spec().path("ref").map(m -> m.strOr("tag", m.strOr("semver", ""))).orElse("");
            return slash < 0 ? new Unknown("OCIRepository url " + url + " names no chart")
                    : new FromRepository(url.substring(0, slash), url.substring(slash + 1), tag);
        }
        return new Unknown("it names no chart (spec.chart or spec.chartRef)");
    }

    /** The values helm-controller passes to Helm. */
    public Values values(DataSources data) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FluxKustomization.ValuesRef ref : FluxKustomization.refs(object.spec(), "valuesFrom")) {
            DataSources.Lookup lookup = data.find(ref.kind(), object.namespace(), ref.name());
            if (lookup instanceof DataSources.Unknown u) {
                if (u.missing() && ref.optional()) {
                    continue;
                }
                return new Values(Optional.empty(), "values from " + u.why());
            }
            String text = ((DataSources.Found) lookup).data().get(ref.valuesKey());
            if (text == null) {
                if (ref.optional()) {
                    continue;
                }
                return new Values(Optional.empty(), ref.display(object.namespace()) + " has no key " + ref.valuesKey());
            }
            if (!ref.targetPath().isEmpty()) {
                InlineValues.set(out, ref.targetPath(), text);
                continue;
            }
            YamlReader.Result read = new YamlReader().read(text); // the one set of limits, as for every file of the tree
            if (!read.problems().isEmpty()) {
                return new Values(Optional.empty(), "values in " + ref.display(object.namespace()) + " are not YAML: "
                        + read.problems().getFirst().message());
            }
            if (!read.documents().isEmpty() && Plain.of(read.documents().getFirst().root()) instanceof Map<?, ?> m) {
                merge(out, cast(m));
            }
        }
        object.spec().map("values").ifPresent(v -> merge(out, Plain.map(v)));
        return new Values(Optional.of(out), "");
    }

    /** helm-controller's {@code MergeMaps}: recurse where both sides are maps, else the right side wins. */
    static void merge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((k, v) -> {
            if (v instanceof Map<?, ?> vm && into.get(k) instanceof Map<?, ?> im) {
                Map<String, Object> merged = new LinkedHashMap<>(cast(im));
                merge(merged, cast(vm));
                into.put(k, merged);
            } else {
                into.put(k, v);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static Optional<Resource> find(List<Resource> all, String group, String kind, String namespace, String name) {
        return all.stream().filter(r -> r.is(group, kind) && r.namespace().equals(namespace) && r.name().equals(name)).findFirst();
    }

    /** helm-controller's {@code ShortenName}: over 53 characters, {@code name[:40]-sha256[:12]}. */
    static String shorten(String name) {
        if (name.length() <= 53) {
            return name;
        }
        try {
            byte[] sum = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return name.substring(0, 40) + "-" + HexFormat.of().formatHex(sum).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
