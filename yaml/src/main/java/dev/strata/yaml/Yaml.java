package dev.strata.yaml;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.RepresentToNode;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes objects (maps, lists, scalars) as block-style YAML the way people write Kubernetes
 * manifests: two-space indents, lists indented under their key, multi-line strings as literal
 * blocks, keys in the order the generator put them. Same input, same bytes.
 *
 * <p>A string stays a string for every reader: besides what YAML 1.2 would read as another type,
 * a string that YAML 1.1 (Helm's and Kubernetes' go-yaml v2) reads as a boolean, a number, a null
 * or a timestamp is quoted ({@link Yaml11}).
 */
public final class Yaml {

    private static final DumpSettings SETTINGS = DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndent(2)
            .setIndicatorIndent(2)
            .setIndentWithIndicator(true)
            .setWidth(4096)
            .setSplitLines(false)
            .build();

    private Yaml() {
    }

    /** One document. */
    public static String dump(Object document) {
        return new Dump(SETTINGS, new Representer(SETTINGS)).dumpToString(document);
    }

    /** One document with a comment block above it ({@code lines} without the leading "# "). */
    public static String dump(List<String> comment, Object document) {
        return comment(comment) + dump(document);
    }

    /** Several documents separated by {@code ---}. */
    public static String dumpAll(List<?> documents) {
        return documents.stream().map(Yaml::dump).collect(Collectors.joining("---\n"));
    }

    public static String comment(List<String> lines) {
        return lines.stream().map(l -> l.isEmpty() ? "#\n" : "# " + l + "\n").collect(Collectors.joining());
    }

    /** Literal blocks for multi-line strings (scripts, Lua, config files) so that they stay readable in git diffs. */
    private static final class Representer extends StandardRepresenter {
        Representer(DumpSettings settings) {
            super(settings);
            RepresentToNode plain = representers.get(String.class);
            representers.put(String.class, data -> {
                String s = (String) data;
                if (s.contains("\n") && !s.contains("\t") && s.lines().noneMatch(l -> l.endsWith(" "))) {
                    return representScalar(Tag.STR, s, ScalarStyle.LITERAL);
                }
                if (Yaml11.readsAsNonString(s)) {
                    return representScalar(Tag.STR, s, ScalarStyle.SINGLE_QUOTED);
                }
                return plain.representData(data);
            });
        }

        @Override
        protected Node representMapping(Tag tag, Map<?, ?> mapping, FlowStyle flowStyle) {
            return super.representMapping(tag, mapping, FlowStyle.BLOCK);
        }
    }
}
