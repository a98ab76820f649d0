package dev.strata.check.load;

import dev.strata.yaml.tree.YList;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YScalar;
import java.util.Map;

/** Writes a YNode back as JSON (which is YAML), for inline Helm values. */
final class YamlWriter {

    private YamlWriter() {
    }

    static String write(YNode node) {
        StringBuilder sb = new StringBuilder();
        append(node, sb);
        return sb.toString();
    }

    private static void append(YNode node, StringBuilder sb) {
        switch (node) {
            case YMap m -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<String, YNode> e : m.values().entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    quote(e.getKey(), sb);
                    sb.append(':');
                    append(e.getValue(), sb);
                }
                sb.append('}');
            }
            case YList l -> {
                sb.append('[');
                for (int i = 0; i < l.items().size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    append(l.items().get(i), sb);
                }
                sb.append(']');
            }
            case YScalar s -> {
                switch (s.type()) {
                    case STRING -> quote(s.value(), sb);
                    case NULL -> sb.append("null");
                    case BOOL -> sb.append(s.isTrue());
                    default -> sb.append(s.value());
                }
            }
        }
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
