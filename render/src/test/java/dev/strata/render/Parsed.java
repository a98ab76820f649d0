package dev.strata.render;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads rendered YAML back, so tests assert on objects rather than on text. */
final class Parsed {

    private Parsed() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadAllFromString(yaml)) {
            if (o != null) {
                out.add((Map<String, Object>) o);
            }
        }
        return out;
    }

    static Map<String, Object> single(String yaml) {
        List<Map<String, Object>> docs = documents(yaml);
        if (docs.size() != 1) {
            throw new AssertionError("expected one document, found " + docs.size());
        }
        return docs.get(0);
    }

    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> obj, String path) {
        Object cur = obj;
        for (String p : path.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = ((Map<String, Object>) m).get(p);
        }
        return cur;
    }
}
