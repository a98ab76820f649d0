package dev.strata.spec;

import dev.strata.catalog.Catalog;
import dev.strata.spec.yaml.NodeMerge;
import dev.strata.spec.yaml.Problems;
import dev.strata.yaml.YamlLimits;
import dev.strata.yaml.tree.YList;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YScalar;
import dev.strata.yaml.tree.YamlDocument;
import dev.strata.yaml.tree.YamlProblem;
import dev.strata.yaml.tree.YamlReader;
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

    /**
     * Strata's one YAML reader, with its one set of bounds; plain scalars are typed by YAML 1.2's
     * JSON schema, as the spec's JSON Schema (and an editor using it) reads them.
     */
    private static final YamlReader READER = new YamlReader(YamlLimits.STANDARD, YamlReader.Scalars.JSON);

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
        if (text.codePointCount(0, text.length()) > YamlLimits.STANDARD.codePointsPerDocument()) {
            throw single(label, "file is larger than " + (YamlLimits.STANDARD.codePointsPerDocument() >> 10)
                    + " KiB; a platform spec is a few KiB — is this the right file?");
        }
        List<YNode> docs = read(text, problems);
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
        YNode user = docs.get(0);
        YNode merged = user;
        Optional<String> profile = profileOf(user);
        if (profile.isPresent() && Profiles.exists(profile.get())) {
            YNode base = profileNode(profile.get());
            problems.from(base, "profile " + profile.get());
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
        List<YNode> docs = read(text, new Problems("spec"));
        if (docs.isEmpty()) {
            return 0;
        }
        YNode node = docs.get(0);
        int line = 0;
        for (String segment : path.split("\\.")) {
            String key = segment.replaceAll("\\[\\d+]$", "");
            YNode next = null;
            if (node instanceof YMap m && m.has(key)) {
                next = m.get(key).orElseThrow();
                line = m.keyLine(key);
            }
            if (next != null && segment.endsWith("]") && next instanceof YList seq) {
                int i = Integer.parseInt(segment.substring(segment.lastIndexOf('[') + 1, segment.length() - 1));
                next = i < seq.items().size() ? seq.items().get(i) : null;
                if (next != null) {
                    line = next.line();
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

    /**
     * The documents of {@code text}. What stopped a document from being read is "not valid YAML"; a
     * duplicate key is reported at its path, and every one of them is reported.
     */
    private static List<YNode> read(String text, Problems problems) {
        YamlReader.Result result = READER.read(text);
        for (YamlProblem p : result.problems()) {
            problems.add(p.line(), p.path(), p.path().isEmpty() ? "not valid YAML: " + p.message() : p.message());
        }
        return result.documents().stream().map(YamlDocument::root).toList();
    }

    private YNode profileNode(String name) {
        Problems p = new Problems("profile " + name);
        List<YNode> docs = read(Profiles.text(name).orElseThrow(), p);
        if (!p.isEmpty() || docs.size() != 1) {
            throw new IllegalStateException("bundled profile " + name + " is broken: " + p.sorted());
        }
        return docs.get(0);
    }

    private static Optional<String> profileOf(YNode doc) {
        return doc instanceof YMap m ? m.map("spec").flatMap(spec -> spec.get("profile"))
                .filter(YScalar.class::isInstance).map(n -> ((YScalar) n).value()) : Optional.empty();
    }

    private static SpecException single(String label, String message) {
        return new SpecException(List.of(new Problem(label, 0, "", message)));
    }
}
