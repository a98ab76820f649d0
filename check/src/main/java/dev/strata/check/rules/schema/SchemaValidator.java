package dev.strata.check.rules.schema;

import dev.strata.check.graph.Resource;
import dev.strata.yaml.Suggestions;
import dev.strata.yaml.tree.YList;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Strict validation of a built-in object against {@link KindSchemas}: unknown fields and wrong types. */
public final class SchemaValidator {

    private final KindSchemas schemas;

    public SchemaValidator(KindSchemas schemas) {
        this.schemas = schemas;
    }

    private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>();

    /**
     * Like {@link #validate} but remembers the last object validated on this thread: the engine runs
     * every rule of one object on one thread, so the unknown-field and wrong-type rules share one walk.
     */
    public Optional<List<Violation>> validateCached(Resource r) {
        Object[] last = LAST.get();
        if (last != null && last[0] == r && last[1] == this.schemas) {
            @SuppressWarnings("unchecked")
            Optional<List<Violation>> cached = (Optional<List<Violation>>) last[2];
            return cached;
        }
        Optional<List<Violation>> result = validate(r);
        LAST.set(new Object[] {r, schemas, result});
        return result;
    }

    /** Violations, or empty when the kind has no bundled schema. */
    public Optional<List<Violation>> validate(Resource r) {
        Optional<String> type = schemas.rootType(r.apiVersion(), r.kind());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        List<Violation> out = new ArrayList<>();
        checkObject(r.root(), type.get(), FieldPath.ROOT, out);
        return Optional.of(out);
    }

    /**
     * A JSON path built as the walk goes down and written out only for a violation: most objects
     * have none, and joining strings for every field visited was a fifth of the check's time.
     */
    private record FieldPath(FieldPath parent, String key, int index) {
        static final FieldPath ROOT = new FieldPath(null, null, -1);

        FieldPath field(String name) {
            return new FieldPath(this, name, -1);
        }

        FieldPath item(int i) {
            return new FieldPath(this, null, i);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "";
            }
            String head = parent.toString();
            if (key == null) {
                return head + "[" + index + "]";
            }
            return head.isEmpty() ? key : head + "." + key;
        }
    }

    /** Element tokens of {@code list<...>} and {@code map<...>} tokens, cut once. */
    private final Map<String, String> elements = new ConcurrentHashMap<>();

    private String element(String token, int prefix) {
        return elements.computeIfAbsent(token, t -> t.substring(prefix, t.length() - 1));
    }

    private void check(YNode node, String token, FieldPath path, int line, List<Violation> out) {
        if (node instanceof YScalar s && s.isNull()) {
            return;
        }
        switch (token) {
            case "any" -> {
            }
            case "string" -> scalar(node, path, line, out, "string", s -> s.type() == YScalar.Type.STRING);
            case "integer" -> scalar(node, path, line, out, "integer", s -> s.type() == YScalar.Type.INT);
            case "number" -> scalar(node, path, line, out, "number",
                    s -> s.type() == YScalar.Type.INT || s.type() == YScalar.Type.FLOAT);
            case "boolean" -> scalar(node, path, line, out, "boolean", s -> s.type() == YScalar.Type.BOOL);
            case "int-or-string" -> scalar(node, path, line, out, "integer or string",
                    s -> s.type() == YScalar.Type.INT || s.type() == YScalar.Type.STRING);
            case "quantity" -> scalar(node, path, line, out, "quantity (string or number)",
                    s -> s.type() != YScalar.Type.BOOL);
            default -> {
                if (token.startsWith("list<")) {
                    if (!(node instanceof YList list)) {
                        wrong(node, path, line, "array", out);
                        return;
                    }
                    String item = element(token, 5);
                    for (int i = 0; i < list.items().size(); i++) {
                        YNode child = list.items().get(i);
                        check(child, item, path.item(i), child.line(), out);
                    }
                } else if (token.startsWith("map<")) {
                    if (!(node instanceof YMap map)) {
                        wrong(node, path, line, "object", out);
                        return;
                    }
                    String value = element(token, 4);
                    for (int i = 0; i < map.keyCount(); i++) {
                        check(map.valueAt(i), value, path.field(map.keyAt(i)), map.keyLineAt(i), out);
                    }
                } else if (!(node instanceof YMap map)) {
                    wrong(node, path, line, "object", out);
                } else {
                    checkObject(map, token, path, out);
                }
            }
        }
    }

    private void checkObject(YMap map, String type, FieldPath path, List<Violation> out) {
        Optional<Map<String, String>> fields = schemas.fields(type);
        if (fields.isEmpty()) {
            return;
        }
        for (int i = 0; i < map.keyCount(); i++) {
            String key = map.keyAt(i);
            String token = fields.get().get(key);
            if (token == null) {
                String fieldPath = path.field(key).toString();
                out.add(new Violation(Violation.Kind.UNKNOWN_FIELD, fieldPath, map.keyLineAt(i),
                        fieldPath + ": unknown field" + suggestion(key, fields.get())));
            } else if (!token.equals("any")) {
                check(map.valueAt(i), token, path.field(key), map.keyLineAt(i), out);
            }
        }
    }

    private static String suggestion(String key, Map<String, String> fields) {
        return Suggestions.closest(key, fields.keySet(), 2).map(best -> " (did you mean " + best + "?)").orElse("");
    }

    private interface ScalarTest {
        boolean ok(YScalar s);
    }

    private static void scalar(YNode node, FieldPath path, int line, List<Violation> out, String expected, ScalarTest test) {
        if (!(node instanceof YScalar s) || !test.ok(s)) {
            wrong(node, path, line, expected, out);
        }
    }

    private static void wrong(YNode node, FieldPath at, int line, String expected, List<Violation> out) {
        String path = at.toString();
        String got = node instanceof YScalar s ? s.typeName() + " \"" + s.value() + "\"" : node.typeName();
        if (node instanceof YScalar s && s.type() == YScalar.Type.BOOL && !s.value().equalsIgnoreCase("true")
                && !s.value().equalsIgnoreCase("false")) {
            got += " (YAML 1.1 reads an unquoted " + s.value() + " as a boolean; quote it)";
        }
        out.add(new Violation(Violation.Kind.WRONG_TYPE, path, line, path + ": expected " + expected + ", got " + got));
    }
}
