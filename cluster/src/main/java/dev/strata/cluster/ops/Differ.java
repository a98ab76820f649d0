package dev.strata.cluster.ops;

import dev.strata.cluster.kube.Kube;
import dev.strata.cluster.kube.ResourceRef;
import dev.strata.cluster.up.Manifests;
import dev.strata.render.RenderedTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code strata diff}: per object of the rendered tree, what applying it would change in the live
 * cluster. Each object is applied with a server-side dry run; the result is compared with the
 * live object, leaving out what the server owns (status, resourceVersion, managedFields, ...).
 * Values files and Kustomize files are inputs of Applications, not objects, and are not compared.
 */
public final class Differ {

    private static final Set<String> SERVER_OWNED = Set.of("status", "metadata.resourceVersion", "metadata.generation", "metadata.managedFields",
            "metadata.uid", "metadata.creationTimestamp", "metadata.selfLink");

    private final Kube kube;

    public Differ(Kube kube) {
        this.kube = kube;
    }

    public record Change(ResourceRef object, Kind kind, List<String> fields) {
        public enum Kind { CREATE, UPDATE, UNCHANGED }

        @Override
        public String toString() {
            return switch (kind) {
                case CREATE -> "+ " + object + " (new)";
                case UNCHANGED -> "= " + object;
                case UPDATE -> "~ " + object + ": " + String.join(", ", fields);
            };
        }
    }

    public List<Change> diff(RenderedTree tree) {
        List<Change> out = new ArrayList<>();
        for (var e : tree.files().entrySet()) {
            if (!objectFile(e.getKey())) {
                continue;
            }
            for (Map<String, Object> o : Manifests.parse(e.getValue())) {
                ResourceRef ref = ResourceRef.of(o);
                Optional<Map<String, Object>> live = kube.get(ref);
                if (live.isEmpty()) {
                    out.add(new Change(ref, Change.Kind.CREATE, List.of()));
                    continue;
                }
                Map<String, Object> after = kube.dryRunApply(o);
                List<String> fields = changedFields(flatten(live.get()), flatten(after));
                out.add(new Change(ref, fields.isEmpty() ? Change.Kind.UNCHANGED : Change.Kind.UPDATE, fields));
            }
        }
        return out;
    }

    static boolean objectFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return path.endsWith(".yaml") && !name.equals("values.yaml") && !name.equals("kustomization.yaml")
                && !path.startsWith("clusters/") && !path.startsWith(".strata/") && !name.equals("platform.yaml")
                && !path.contains("/overlays/") && !path.contains("/base/");
    }

    static List<String> changedFields(Map<String, Object> before, Map<String, Object> after) {
        List<String> out = new ArrayList<>();
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String k : keys) {
            if (SERVER_OWNED.stream().anyMatch(s -> k.equals(s) || k.startsWith(s + ".") || k.startsWith(s + "["))) {
                continue;
            }
            Object b = before.get(k);
            Object a = after.get(k);
            if (!Objects.equals(b, a)) {
                out.add(k + ": " + (b == null ? "(none)" : b) + " → " + (a == null ? "(removed)" : a));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> flatten(Map<String, Object> m) {
        Map<String, Object> out = new TreeMap<>();
        flatten("", m, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object v, Map<String, Object> out) {
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, x, out));
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                flatten(prefix + "[" + i + "]", l.get(i), out);
            }
        } else {
            out.put(prefix, v);
        }
    }
}
