package dev.strata.render.config;

import dev.strata.render.RenderFixtures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rendered files parsed back, as a user's tools would read them. */
record Parsed(String path, Map<String, Object> object) {

    static List<Parsed> of(Profiles.Rendered r, String prefix) {
        List<Parsed> out = new ArrayList<>();
        r.tree().files().forEach((path, content) -> {
            if (path.startsWith(prefix)) {
                out.add(new Parsed(path, single(path, content)));
            }
        });
        return out;
    }

    static Map<String, Object> single(String path, String content) {
        try {
            return RenderFixtures.single(content);
        } catch (AssertionError e) {
            throw new AssertionError(path + ": " + e.getMessage(), e);
        }
    }

    String kind() {
        return (String) object.get("kind");
    }

    String name() {
        return (String) metadata().get("name");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> metadata() {
        return (Map<String, Object>) object.get("metadata");
    }

    @SuppressWarnings("unchecked")
    Map<String, String> labels() {
        return (Map<String, String>) metadata().getOrDefault("labels", Map.of());
    }

    @SuppressWarnings("unchecked")
    Map<String, String> annotations() {
        return (Map<String, String>) metadata().getOrDefault("annotations", Map.of());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> spec() {
        return (Map<String, Object>) object.get("spec");
    }

    /** A value by dotted path through maps, list items by index ("listeners.0.port"). */
    static Object at(Object root, String dotted) {
        return RenderFixtures.at(root, dotted);
    }
}
