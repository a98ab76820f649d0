package dev.strata.yaml.tree;

import dev.strata.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Builds {@link YNode} trees from snakeyaml-engine events for one chunk of text, enforcing the
 * limits: duplicate keys, aliases to collections, nesting depth and expanded size. Aliased nodes are
 * shared, not copied; merge keys ({@code <<}) are applied.
 */
final class TreeBuilder {

    private final YamlLimits limits;
    private final YamlReader.Scalars scalars;
    private final ScalarResolver resolver;
    private final Builder builder;

    TreeBuilder(YamlLimits limits, YamlReader.Scalars scalars, ScalarResolver resolver, int lineOffset) {
        this.limits = limits;
        this.scalars = scalars;
        this.resolver = resolver;
        this.builder = new Builder(lineOffset);
    }

    /**
     * Feeds one event; finished documents are added to {@code docs}. Duplicate keys are added to
     * {@code problems} as they are found (every one, with its path) and the document that holds them
     * is not added: Kubernetes and Helm refuse it, and which value "wins" differs between parsers.
     */
    void accept(Event event, List<YamlDocument> docs, List<YamlProblem> problems) {
        builder.accept(event, docs, problems);
    }

    static final class YamlProblemException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient YamlProblem problem;

        YamlProblemException(YamlProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }

        YamlProblem problem() {
            return problem;
        }
    }

    private abstract static class Frame {
        final int line;
        long size = 1;
        /** The anchor the collection is defined with, or null. */
        String anchor;

        Frame(int line) {
            this.line = line;
        }

        /** Adds a key or value; for a key already in the mapping, the line it was first set on, else -1. */
        abstract int add(YNode node, int line);

        abstract YNode build();
    }

    private static final class MapFrame extends Frame {
        String[] keys = new String[8];
        YNode[] values = new YNode[8];
        int[] keyLines = new int[8];
        int count;
        HashMap<String, Integer> seen;
        List<YMap> merges = List.of();
        String pendingKey;
        int pendingKeyLine;
        /** The value of a duplicate key is read (it may be long) but not kept. */
        boolean dropValue;
        /** Where a merge key ({@code <<}) was first set, or -1: merged maps are not keys, yet a second {@code <<} is a duplicate. */
        int mergeKeyLine = -1;

        MapFrame(int line) {
            super(line);
        }

        @Override
        int add(YNode node, int nodeLine) {
            if (pendingKey == null) {
                if (!(node instanceof YScalar s)) {
                    throw problem(nodeLine, "complex mapping keys are not supported");
                }
                String key = s.value(); // a key written null or ~ is that text, as sigs.k8s.io/yaml makes it
                int previous = indexOf(key);
                int first = previous >= 0 ? keyLines[previous] : key.equals("<<") ? mergeKeyLine : -1;
                if (key.equals("<<") && first < 0) {
                    mergeKeyLine = nodeLine;
                }
                dropValue = first >= 0;
                pendingKey = key;
                pendingKeyLine = nodeLine;
                return first;
            }
            if (dropValue) {
                dropValue = false;
            } else if (pendingKey.equals("<<") && (node instanceof YMap || node instanceof YList)) {
                if (merges.isEmpty()) {
                    merges = new ArrayList<>();
                }
                if (node instanceof YMap m) {
                    merges.add(m);
                } else {
                    for (YNode item : ((YList) node).items()) {
                        if (item instanceof YMap m) {
                            merges.add(m);
                        }
                    }
                }
            } else {
                append(pendingKey, node, pendingKeyLine);
            }
            size += node.size();
            pendingKey = null;
            return -1;
        }

        private void append(String key, YNode value, int keyLine) {
            if (seen != null) {
                seen.put(key, count);
            } else if (count >= 16) {
                seen = new HashMap<>();
                for (int i = 0; i < count; i++) {
                    seen.put(keys[i], i);
                }
                seen.put(key, count);
            }
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, count * 2);
                values = Arrays.copyOf(values, count * 2);
                keyLines = Arrays.copyOf(keyLines, count * 2);
            }
            keys[count] = key;
            values[count] = value;
            keyLines[count] = keyLine;
            count++;
        }

        int indexOf(String key) {
            if (seen != null) {
                Integer i = seen.get(key);
                return i == null ? -1 : i;
            }
            for (int i = 0; i < count; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        YNode build() {
            for (YMap merged : merges) {
                for (int i = 0; i < merged.keyCount(); i++) {
                    if (indexOf(merged.keyAt(i)) < 0) {
                        append(merged.keyAt(i), merged.valueAt(i), merged.keyLineAt(i));
                    }
                }
            }
            return new YMap(Arrays.copyOf(keys, count), Arrays.copyOf(values, count), Arrays.copyOf(keyLines, count), line, size);
        }
    }

    private static final class ListFrame extends Frame {
        final List<YNode> items = new ArrayList<>();

        ListFrame(int line) {
            super(line);
        }

        @Override
        int add(YNode node, int line) {
            items.add(node);
            size += node.size();
            return -1;
        }

        @Override
        YNode build() {
            return new YList(items, line, size);
        }
    }

    private static YamlProblemException problem(int line, String message) {
        return new YamlProblemException(new YamlProblem(line, "", message));
    }

    // ---- the builder proper
    private final class Builder {
        private final int offset;
        private final ArrayList<Frame> stack = new ArrayList<>();
        private final Map<String, YNode> anchors = new HashMap<>();
        private YNode root;
        private int docLine;
        private int aliases;
        private boolean duplicates;

        Builder(int offset) {
            this.offset = offset;
        }

        private int line(Event e) {
            Optional<Mark> mark = e.getStartMark();
            return mark.isPresent() ? mark.get().getLine() + 1 + offset : offset + 1;
        }

        void accept(Event event, List<YamlDocument> docs, List<YamlProblem> problems) {
            switch (event.getEventId()) {
                case DocumentStart -> {
                    root = null;
                    anchors.clear();
                    aliases = 0;
                    duplicates = false;
                    docLine = line(event);
                }
                case DocumentEnd -> {
                    if (!duplicates && root != null && !(root instanceof YScalar s && s.isNull())) {
                        docs.add(new YamlDocument(root, docLine));
                    }
                    root = null;
                }
                case MappingStart -> open(new MapFrame(line(event)), ((MappingStartEvent) event).getAnchor());
                case SequenceStart -> open(new ListFrame(line(event)), ((SequenceStartEvent) event).getAnchor());
                case MappingEnd, SequenceEnd -> {
                    Frame frame = stack.removeLast();
                    YNode node = frame.build();
                    if (frame.anchor != null) {
                        anchors.put(frame.anchor, node);
                    }
                    value(node, frame.line, problems);
                }
                case Scalar -> {
                    ScalarEvent s = (ScalarEvent) event;
                    YNode node = new YScalar(s.getValue(), type(s), line(event));
                    Optional<Anchor> anchor = s.getAnchor();
                    if (anchor.isPresent()) {
                        anchors.put(anchor.get().getValue(), node);
                    }
                    value(node, node.line(), problems);
                }
                case Alias -> {
                    AliasEvent a = (AliasEvent) event;
                    String name = a.getAlias().getValue();
                    YNode target = anchors.get(name);
                    if (target == null) {
                        boolean inside = stack.stream().anyMatch(f -> name.equals(f.anchor));
                        throw problem(line(event), inside
                                ? "alias *" + name + " refers to the collection it is in (a recursive structure); refused"
                                : "alias *" + name + " refers to no anchor");
                    }
                    if (!(target instanceof YScalar) && ++aliases > limits.maxAliases()) {
                        throw problem(line(event), "more than " + limits.maxAliases()
                                + " aliases to collections in one document");
                    }
                    value(target, line(event), problems);
                }
                default -> {
                    // stream start/end, comments: nothing to build
                }
            }
        }

        private void open(Frame frame, Optional<Anchor> anchor) {
            if (stack.size() >= limits.maxDepth()) {
                throw problem(frame.line, "nesting deeper than " + limits.maxDepth() + " levels");
            }
            if (anchor.isPresent()) {
                frame.anchor = anchor.get().getValue();
            }
            stack.add(frame);
        }

        private void value(YNode node, int line, List<YamlProblem> problems) {
            if (node.size() > limits.maxExpandedNodes()) {
                throw expansion(line);
            }
            if (stack.isEmpty()) {
                root = node;
                return;
            }
            Frame parent = stack.getLast();
            int first = parent.add(node, line);
            if (first >= 0) {
                String key = ((YScalar) node).value();
                duplicates = true;
                problems.add(new YamlProblem(line, pathTo(key), "duplicate key \"" + key + "\" (first at line " + first + "); keep one"));
            }
            if (parent.size > limits.maxExpandedNodes()) {
                throw expansion(line);
            }
        }

        /** The path of {@code key} in the mapping being built, e.g. {@code spec.apps[0].name}. */
        private String pathTo(String key) {
            StringBuilder path = new StringBuilder();
            for (Frame f : stack) {
                if (f == stack.getLast()) {
                    break;
                }
                if (f instanceof MapFrame m) {
                    path.append(path.isEmpty() ? "" : ".").append(m.pendingKey == null ? "(key)" : m.pendingKey);
                } else {
                    path.append('[').append(((ListFrame) f).items.size()).append(']');
                }
            }
            return path.append(path.isEmpty() ? "" : ".").append(key).toString();
        }

        private YamlProblemException expansion(int line) {
            return problem(line, "document expands to more than " + limits.maxExpandedNodes()
                    + " nodes through aliases; refused");
        }
    }

    /**
     * Kubernetes reads YAML with go-yaml v2 (through sigs.k8s.io/yaml), which follows YAML 1.1 for
     * booleans: an unquoted {@code yes} or {@code on} is a boolean there, not a string. Resolving them
     * the same way lets the schema rules report {@code enabled: yes} where a string is required.
     */
    private static final Set<String> YAML11_BOOLEANS = Set.of(
            "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF");

    private YScalar.Type type(ScalarEvent s) {
        Optional<String> tag = s.getTag();
        if (tag.isPresent()) {
            return tag.get().equals("!") ? YScalar.Type.STRING : tagged(tag.get()); // "!": the non-specific tag, a string (YAML 1.2, 6.9.1)
        }
        if (scalars == YamlReader.Scalars.JSON) {
            return s.isPlain() ? typeOf(resolver.resolve(s.getValue(), true)) : YScalar.Type.STRING;
        }
        if (!s.isPlain()) {
            return YScalar.Type.STRING;
        }
        String v = s.getValue();
        if (!v.isEmpty() && "0123456789+-.~nNtTfFyYoO".indexOf(v.charAt(0)) < 0) {
            return YScalar.Type.STRING;
        }
        if (allDigits(v)) {
            return YScalar.Type.INT; // the core schema's [-+]?[0-9]+ without running its regular expressions
        }
        if (YAML11_BOOLEANS.contains(v)) {
            return YScalar.Type.BOOL;
        }
        return typeOf(resolver.resolve(s.getValue(), true));
    }

    private static YScalar.Type tagged(String tag) {
        return switch (tag) {
            case "tag:yaml.org,2002:int" -> YScalar.Type.INT;
            case "tag:yaml.org,2002:float" -> YScalar.Type.FLOAT;
            case "tag:yaml.org,2002:bool" -> YScalar.Type.BOOL;
            case "tag:yaml.org,2002:null" -> YScalar.Type.NULL;
            default -> YScalar.Type.STRING;
        };
    }

    private static YScalar.Type typeOf(Tag resolved) {
        if (resolved.equals(Tag.INT)) {
            return YScalar.Type.INT;
        }
        if (resolved.equals(Tag.FLOAT)) {
            return YScalar.Type.FLOAT;
        }
        if (resolved.equals(Tag.BOOL)) {
            return YScalar.Type.BOOL;
        }
        if (resolved.equals(Tag.NULL)) {
            return YScalar.Type.NULL;
        }
        return YScalar.Type.STRING;
    }

    private static boolean allDigits(String v) {
        if (v.isEmpty()) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
