package dev.strata.check.rules.schema;

import dev.strata.check.CheckException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The compact schema of built-in kinds, bundled as {@code k8s-schema.txt}: generated from fabric8's
 * kubernetes-model by {@code KindSchemaGeneratorTest} (which also fails when it drifts). Lines:
 * {@code K apiVersion Kind Type}, {@code T Type}, then {@code F field typeToken} for its fields.
 */
public final class KindSchemas {

    private static final String RESOURCE = "/dev/strata/check/k8s-schema.txt";

    private final Map<String, String> kinds = new HashMap<>();
    private final Map<String, Map<String, String>> types = new HashMap<>();

    private static final class Holder {
        static final KindSchemas INSTANCE = load();
    }

    public static KindSchemas bundled() {
        return Holder.INSTANCE;
    }

    private static KindSchemas load() {
        try (InputStream in = KindSchemas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CheckException("bundled schema " + RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new CheckException("reading bundled schema " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static KindSchemas parse(BufferedReader reader) throws IOException {
        KindSchemas s = new KindSchemas();
        Map<String, String> current = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" ");
            switch (parts[0]) {
                case "K" -> s.kinds.put(parts[1] + " " + parts[2], parts[3]);
                case "T" -> {
                    current = new LinkedHashMap<>();
                    s.types.put(parts[1], current);
                }
                case "F" -> {
                    if (current != null) {
                        current.put(parts[1], parts[2]);
                    }
                }
                default -> throw new CheckException("bundled schema: unexpected line \"" + line + "\"");
            }
        }
        return s;
    }

    /** The root type of a kind, if it is a built-in kind this schema knows. */
    public Optional<String> rootType(String apiVersion, String kind) {
        return Optional.ofNullable(kinds.get(apiVersion + " " + kind));
    }

    /** Fields of a type; empty when the type is unknown. */
    public Optional<Map<String, String>> fields(String type) {
        return Optional.ofNullable(types.get(type));
    }

    public int kindCount() {
        return kinds.size();
    }

    public boolean knowsGroupKind(String group, String kind) {
        for (String k : kinds.keySet()) {
            String[] p = k.split(" ");
            String g = p[0].contains("/") ? p[0].substring(0, p[0].indexOf('/')) : "";
            if (g.equals(group) && p[1].equals(kind)) {
                return true;
            }
        }
        return false;
    }
}
