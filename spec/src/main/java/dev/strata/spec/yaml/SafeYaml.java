package dev.strata.spec.yaml;

import dev.strata.yaml.YamlLimits;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML into nodes with their line numbers, within bounds: input size, alias use and
 * nesting depth are limited so that a hostile file (a "billion laughs", a deeply nested list)
 * is refused quickly with a clear message instead of exhausting memory or the stack.
 */
public final class SafeYaml {

    /** Strata's one set of YAML bounds (shared with check's reader). */
    public static final int MAX_CODE_POINTS = YamlLimits.STANDARD.codePointsPerDocument();
    public static final int MAX_ALIASES = YamlLimits.STANDARD.maxAliases();
    public static final int MAX_DEPTH = YamlLimits.STANDARD.maxDepth();

    private SafeYaml() {
    }

    /** Composes every document of {@code text}; problems are added to {@code problems}. */
    public static List<Node> compose(String label, String text, Problems problems) {
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            problems.add(Optional.empty(), "", "file is larger than " + (MAX_CODE_POINTS >> 10)
                    + " KiB; a platform spec is a few KiB — is this the right file?");
            return List.of();
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(label)
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS)
                .setUseMarks(true)
                .build();
        List<Node> docs = new ArrayList<>();
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            while (composer.hasNext()) {
                Node n = composer.next();
                if (depth(n, 0) > MAX_DEPTH) {
                    problems.add(n, "", "nesting is deeper than " + MAX_DEPTH + " levels");
                    return List.of();
                }
                duplicates(n, "", problems);
                docs.add(n);
            }
        } catch (MarkedYamlEngineException e) {
            String what = e.getProblem() == null ? e.getMessage() : e.getProblem();
            if (what.contains("Number of aliases")) {
                what = "too many aliases (more than " + MAX_ALIASES + "); anchors and aliases that expand exponentially are refused";
            }
            problems.add(e.getProblemMark(), "", "not valid YAML: " + firstLine(what));
        } catch (YamlEngineException e) {
            String what = firstLine(e.getMessage());
            if (what.contains("Number of aliases")) {
                what = "too many aliases (more than " + MAX_ALIASES + "); anchors and aliases that expand exponentially are refused";
            } else if (what.contains("code point")) {
                what = "file is larger than " + (MAX_CODE_POINTS >> 10) + " KiB";
            }
            problems.add(Optional.empty(), "", "not valid YAML: " + what);
        } catch (StackOverflowError e) {
            problems.add(Optional.empty(), "", "nesting is deeper than this reader allows");
        }
        return docs;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** Duplicate keys are an error (YAML 1.2 forbids them; parsers silently keep one or the other). */
    private static void duplicates(Node n, String path, Problems problems) {
        if (n instanceof MappingNode m) {
            Map<String, Node> seen = new HashMap<>();
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                String child = path.isEmpty() ? key : path + "." + key;
                Node first = seen.putIfAbsent(key, t.getKeyNode());
                if (first != null) {
                    problems.add(t.getKeyNode(), child, "duplicate key (first set on line "
                            + first.getStartMark().map(mk -> mk.getLine() + 1).orElse(0) + "); keep one");
                }
                duplicates(t.getValueNode(), child, problems);
            }
        } else if (n instanceof SequenceNode s) {
            for (int i = 0; i < s.getValue().size(); i++) {
                duplicates(s.getValue().get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static int depth(Node n, int d) {
        if (d > MAX_DEPTH) {
            return d;
        }
        int max = d;
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                max = Math.max(max, depth(t.getValueNode(), d + 1));
            }
        } else if (n instanceof SequenceNode s) {
            for (Node c : s.getValue()) {
                max = Math.max(max, depth(c, d + 1));
            }
        }
        return max;
    }
}
