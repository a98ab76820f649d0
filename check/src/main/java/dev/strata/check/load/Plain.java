package dev.strata.check.load;

import dev.strata.yaml.tree.YList;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A loaded YAML tree as plain maps, lists and scalars, for the code that transforms objects (generators, substitution). */
public final class Plain {

    private Plain() {
    }

    public static Object of(YNode node) {
        return switch (node) {
            case YMap m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < m.keyCount(); i++) {
                    out.put(m.keyAt(i), of(m.valueAt(i)));
                }
                yield out;
            }
            case YList l -> {
                List<Object> out = new ArrayList<>();
                l.items().forEach(x -> out.add(of(x)));
                yield out;
            }
            case YScalar s -> switch (s.type()) {
                case NULL -> null;
                case BOOL -> s.isTrue();
                case INT -> {
                    try {
                        yield Long.parseLong(s.text());
                    } catch (NumberFormatException e) {
                        yield s.text();
                    }
                }
                case FLOAT -> {
                    try {
                        yield Double.parseDouble(s.text());
                    } catch (NumberFormatException e) {
                        yield s.text();
                    }
                }
                case STRING -> s.text();
            };
        };
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(YMap m) {
        return (Map<String, Object>) of(m);
    }
}
