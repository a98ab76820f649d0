package dev.strata.cluster.up;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Kubernetes objects from YAML text: every non-empty document that has a kind. */
public final class Manifests {

    private Manifests() {
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> parse(String yaml) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            if (doc instanceof Map<?, ?> m && m.get("kind") != null && m.get("apiVersion") != null) {
                out.add((Map<String, Object>) m);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseMap(String yaml) {
        Object doc = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        return doc instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
