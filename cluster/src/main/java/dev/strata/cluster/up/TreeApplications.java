package dev.strata.cluster.up;

import dev.strata.render.RenderedTree;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Argo CD Applications a rendered tree defines: the root and every child under argocd/. */
public final class TreeApplications {

    private final List<Map<String, Object>> applications = new ArrayList<>();

    public TreeApplications(RenderedTree tree) {
        tree.files().forEach((path, content) -> {
            if ((path.startsWith("argocd/") || path.equals("bootstrap/root.yaml")) && path.endsWith(".yaml")) {
                Manifests.parse(content).stream().filter(o -> "Application".equals(o.get("kind"))).forEach(applications::add);
            }
        });
    }

    /** Their names, in the tree's order. */
    public List<String> names() {
        return applications.stream().map(TreeApplications::name).toList();
    }

    /** The names of those that read the repository at {@code repoUrl} (as their source or values). */
    @SuppressWarnings("unchecked")
    public Set<String> reading(String repoUrl) {
        Set<String> out = new LinkedHashSet<>();
        for (Map<String, Object> o : applications) {
            Map<String, Object> s = (Map<String, Object>) o.getOrDefault("spec", Map.of());
            List<Object> sources = new ArrayList<>();
            if (s.get("source") != null) {
                sources.add(s.get("source"));
            }
            if (s.get("sources") instanceof List<?> l) {
                sources.addAll(l);
            }
            if (sources.stream().anyMatch(x -> x instanceof Map<?, ?> m && repoUrl.equals(m.get("repoURL")))) {
                out.add(name(o));
            }
        }
        return out;
    }

    private static String name(Map<String, Object> application) {
        return String.valueOf(((Map<?, ?>) application.get("metadata")).get("name"));
    }
}
