package dev.strata.spec;

import dev.strata.catalog.Catalog;
import dev.strata.spec.yaml.NodeMerge;
import dev.strata.spec.yaml.Problems;
import dev.strata.spec.yaml.SafeYaml;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Loads {@code platform.yaml}: reads it within bounds, lays it over the profile it names, binds it
 * to {@link PlatformSpec} and reports every problem at once as a {@link SpecException}.
 */
public final class SpecLoader {

    /** Larger than any sensible spec; keeps a wrong file (a log, a binary) from being read whole. */
    static final long MAX_BYTES = 1 << 20;

    private final Catalog catalog;

    public SpecLoader(Catalog catalog) {
        this.catalog = catalog;
    }

    public static SpecLoader bundled() {
        return new SpecLoader(Catalog.bundled());
    }

    public PlatformSpec load(Path file) {
        String label = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw single(label, "is a directory; pass the spec file with -f, e.g. -f " + file.resolve("platform.yaml"));
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw single(label, "is " + (size >> 10) + " KiB; a platform spec is a few KiB — is this the right file?");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw single(label, "is not UTF-8 text; is this the right file?");
            }
            return parse(label, text);
        } catch (NoSuchFileException e) {
            throw single(label, "no such file; create one with `strata init --profile kind-lab` or pass -f FILE");
        } catch (IOException e) {
            throw single(label, "cannot be read: " + e.getMessage());
        }
    }

    /** Parses spec text; {@code label} names it in problems (usually the path the user gave). */
    public PlatformSpec parse(String label, String text) {
        Problems problems = new Problems(label);
        if (text.indexOf('\0') >= 0) {
            throw single(label, "is binary, not YAML; is this the right file?");
        }
        List<Node> docs = SafeYaml.compose(label, text, problems);
        if (!problems.isEmpty()) {
            throw new SpecException(problems.sorted());
        }
        if (docs.isEmpty()) {
            throw single(label, "is empty; start from `strata init --profile kind-lab`");
        }
        if (docs.size() > 1) {
            problems.add(docs.get(1), "", "holds " + docs.size() + " YAML documents; a spec is one document (remove the --- separators)");
            throw new SpecException(problems.sorted());
        }
        Node user = docs.get(0);
        Node merged = user;
        Optional<String> profile = profileOf(user);
        if (profile.isPresent() && Profiles.exists(profile.get())) {
            Node base = profileNode(profile.get());
            merged = NodeMerge.merge(base, user);
        }
        Optional<PlatformSpec> spec = new SpecBinder(catalog, new HashSet<>(Profiles.names()), problems).bind(merged);
        if (!problems.isEmpty() || spec.isEmpty()) {
            throw new SpecException(problems.sorted());
        }
        return spec.get();
    }

    /**
     * Where a spec path ({@code spec.components.alloy}, {@code spec.apps[0].name}) is in the user's
     * text: the 1-based line of its deepest key that the text holds (a component that comes from the
     * profile points at the {@code components} block), 0 when the text holds none of it.
     */
    public static int lineOf(String text, String path) {
        List<Node> docs = SafeYaml.compose("spec", text, new Problems("spec"));
        if (docs.isEmpty()) {
            return 0;
        }
        Node node = docs.get(0);
        int line = 0;
        for (String segment : path.split("\\.")) {
            String key = segment.replaceAll("\\[\\d+]$", "");
            Node next = null;
            if (node instanceof MappingNode m) {
                for (var t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                        next = t.getValueNode();
                        line = k.getStartMark().map(mark -> mark.getLine() + 1).orElse(line);
                    }
                }
            }
            if (next != null && segment.endsWith("]") && next instanceof SequenceNode seq) {
                int i = Integer.parseInt(segment.substring(segment.lastIndexOf('[') + 1, segment.length() - 1));
                next = i < seq.getValue().size() ? seq.getValue().get(i) : null;
                if (next != null) {
                    line = next.getStartMark().map(mark -> mark.getLine() + 1).orElse(line);
                }
            }
            if (next == null) {
                return line;
            }
            node = next;
        }
        return line;
    }

    /** A bundled profile, loaded as a spec of its own. */
    public PlatformSpec profile(String name) {
        String text = Profiles.text(name).orElseThrow(() -> single("profile", "\"" + name + "\" is not a profile; known: " + String.join(", ", Profiles.names())));
        return parse("profile " + name, text);
    }

    private Node profileNode(String name) {
        Problems p = new Problems("profile " + name);
        List<Node> docs = SafeYaml.compose("profile " + name, Profiles.text(name).orElseThrow(), p);
        if (!p.isEmpty() || docs.size() != 1) {
            throw new IllegalStateException("bundled profile " + name + " is broken: " + p.sorted());
        }
        return docs.get(0);
    }

    private static Optional<String> profileOf(Node doc) {
        if (doc instanceof MappingNode m) {
            return m.getValue().stream()
                    .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("spec"))
                    .map(t -> t.getValueNode()).filter(MappingNode.class::isInstance).map(MappingNode.class::cast)
                    .flatMap(s -> s.getValue().stream())
                    .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("profile"))
                    .map(t -> t.getValueNode()).filter(ScalarNode.class::isInstance)
                    .map(n -> ((ScalarNode) n).getValue()).findFirst();
        }
        return Optional.empty();
    }

    private static SpecException single(String label, String message) {
        return new SpecException(List.of(new Problem(label, 0, "", message)));
    }
}
