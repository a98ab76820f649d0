package dev.strata.yaml.tree;

import dev.strata.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.JsonScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Reads a multi-document YAML text into {@link YNode} trees with line numbers.
 *
 * <p>The text is split at document markers ({@code ---} at column 0) so that a broken document
 * does not hide the ones after it. Each document is built from snakeyaml-engine's event stream
 * (not its recursive composer), which lets this class enforce the limits in {@link YamlLimits}
 * itself: duplicate keys and alias counts the way snakeyaml-engine's {@link LoadSettings} would
 * (allowDuplicateKeys=false, maxAliasesForCollections), plus nesting depth and expanded size,
 * which the engine does not bound.
 *
 * <p>It is Strata's one YAML reader: {@code check} reads manifests with it, the spec loader reads
 * {@code platform.yaml} and the bundled profiles with it; they differ only in how plain scalars are
 * typed ({@link Scalars}).
 */
public final class YamlReader {

    /** How an unquoted scalar is typed. */
    public enum Scalars {
        /**
         * As Kubernetes reads manifests (go-yaml v2 through sigs.k8s.io/yaml): the YAML 1.2 core
         * schema plus YAML 1.1's {@code yes}/{@code no}/{@code on}/{@code off} booleans, so that
         * {@code enabled: yes} is reported where a string is required.
         */
        KUBERNETES,
        /**
         * YAML 1.2's JSON schema (snakeyaml-engine's default): only {@code true}/{@code false},
         * {@code null} and JSON numbers are typed; {@code yes}, {@code 0x10} or {@code True} stay
         * strings. Strata's own spec is read this way, so a value means what the spec's JSON Schema
         * (and an editor using it) says it means.
         */
        JSON
    }

    /** Documents that loaded and problems for those that did not. */
    public record Result(List<YamlDocument> documents, List<YamlProblem> problems) {
    }

    private final YamlLimits limits;
    private final Scalars scalars;
    private final LoadSettings settings;
    private final ScalarResolver resolver;

    public YamlReader(YamlLimits limits, Scalars scalars) {
        this.limits = limits;
        this.scalars = scalars;
        this.resolver = scalars == Scalars.JSON ? new JsonScalarResolver() : new CoreScalarResolver(false);
        this.settings = LoadSettings.builder()
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(limits.maxAliases())
                .setCodePointLimit(limits.codePointsPerDocument())
                .setUseMarks(true)
                .setAllowRecursiveKeys(false)
                .build();
    }

    public YamlReader(YamlLimits limits) {
        this(limits, Scalars.KUBERNETES);
    }

    public YamlReader() {
        this(YamlLimits.defaults());
    }

    public Result read(String text) {
        List<Chunk> chunks = split(text);
        if (chunks.size() < PARALLEL_CHUNKS) {
            List<YamlDocument> docs = new ArrayList<>();
            List<YamlProblem> problems = new ArrayList<>();
            for (Chunk chunk : chunks) {
                readChunk(chunk, docs, problems);
            }
            return new Result(docs, problems);
        }
        List<Result> parts = chunks.parallelStream().map(chunk -> {
            List<YamlDocument> docs = new ArrayList<>(1);
            List<YamlProblem> problems = new ArrayList<>(0);
            readChunk(chunk, docs, problems);
            return new Result(docs, problems);
        }).toList();
        List<YamlDocument> docs = new ArrayList<>(chunks.size());
        List<YamlProblem> problems = new ArrayList<>();
        for (Result part : parts) {
            docs.addAll(part.documents());
            problems.addAll(part.problems());
        }
        return new Result(docs, problems);
    }

    /** Streams with this many documents or more are parsed on all cores (documents are independent). */
    private static final int PARALLEL_CHUNKS = 64;

    private record Chunk(String text, int firstLine) {
    }

    /** Splits at lines starting with "---" followed by nothing or blank; line numbers are 0-based. */
    static List<Chunk> split(String text) {
        List<Chunk> chunks = new ArrayList<>();
        int start = 0;
        int startLine = 0;
        int line = 0;
        int i = 0;
        int n = text.length();
        boolean content = false;
        while (i < n) {
            int end = text.indexOf('\n', i);
            if (end < 0) {
                end = n;
            }
            if (isMarker(text, i, end)) {
                if (content) {
                    chunks.add(new Chunk(text.substring(start, i), startLine));
                    start = i;
                    startLine = line;
                }
                content = true;
            } else if (!content && !isPreamble(text, i, end)) {
                content = true;
            }
            i = end + 1;
            line++;
        }
        if (start < n) {
            chunks.add(new Chunk(text.substring(start), startLine));
        }
        return chunks;
    }

    /** Blank, comment and directive lines, which belong to the document that follows them. */
    private static boolean isPreamble(String text, int from, int end) {
        String line = text.substring(from, end).strip();
        return line.isEmpty() || line.startsWith("#") || line.startsWith("%");
    }

    private static boolean isMarker(String text, int from, int end) {
        if (end - from < 3 || !text.startsWith("---", from)) {
            return false;
        }
        if (end - from == 3) {
            return true;
        }
        char c = text.charAt(from + 3);
        return c == ' ' || c == '\t' || c == '\r';
    }

    private void readChunk(Chunk chunk, List<YamlDocument> docs, List<YamlProblem> problems) {
        TreeBuilder builder = new TreeBuilder(limits, scalars, resolver, chunk.firstLine());
        try {
            for (Event event : new Parse(settings).parseString(chunk.text())) {
                builder.accept(event, docs, problems);
            }
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            int line = mark.map(m -> m.getLine() + 1 + chunk.firstLine()).orElse(chunk.firstLine() + 1);
            problems.add(new YamlProblem(line, describe(e)));
        } catch (TreeBuilder.YamlProblemException e) {
            problems.add(e.problem());
        } catch (YamlEngineException e) {
            problems.add(new YamlProblem(chunk.firstLine() + 1, lower(e.getMessage())));
        } catch (StackOverflowError e) {
            problems.add(new YamlProblem(chunk.firstLine() + 1,
                    "document nests too deeply to read (limit " + limits.maxDepth() + " levels)"));
        }
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem();
        String context = e.getContext();
        String text = problem == null || problem.isBlank() ? context : problem;
        if (context != null && !context.isBlank() && problem != null && !problem.isBlank()) {
            text = problem + " (" + context + ")";
        }
        return lower(text == null ? "invalid yaml" : text.strip());
    }

    private static String lower(String s) {
        if (s == null || s.isEmpty()) {
            return "invalid yaml";
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
