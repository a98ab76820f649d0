package dev.strata.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Public entry to the test helpers for tests in sub-packages. */
public final class RenderTestSupport {

    private RenderTestSupport() {
    }

    public static List<String> profiles() {
        return Profiles.names();
    }

    public static RenderedTree tree(String profile) {
        return Profiles.tree(profile);
    }

    public static RenderContext context(String profile) {
        return Profiles.context(profile);
    }

    public static Object at(Map<String, Object> obj, String path) {
        return Parsed.at(obj, path);
    }

    public static List<Map<String, Object>> documents(String yaml) {
        return Parsed.documents(yaml);
    }

    /** Every object of {@code kind} in the tree's YAML files. */
    public static List<Map<String, Object>> objects(RenderedTree tree, String kind) {
        List<Map<String, Object>> out = new ArrayList<>();
        tree.files().forEach((path, content) -> {
            if (path.endsWith(".yaml") && !path.endsWith("values.yaml")) {
                for (Map<String, Object> d : Parsed.documents(content)) {
                    if (kind.equals(d.get("kind"))) {
                        out.add(d);
                    }
                }
            }
        });
        return out;
    }
}
