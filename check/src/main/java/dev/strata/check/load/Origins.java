package dev.strata.check.load;

import dev.strata.check.graph.Resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where an object kustomize built was written: kustomize's {@code buildMetadata: [originAnnotations]}
 * records each object's source file ({@code config.kubernetes.io/origin: path: ...}, relative to the
 * kustomization built); the line is that of the object of the same kind (and name, before any prefix
 * or suffix) in that file. So a finding points at the base a person edits, not at the overlay's
 * {@code kustomization.yaml}. Objects a generator made (no path) keep the place they had.
 */
public final class Origins {

    public static final String ANNOTATION = "config.kubernetes.io/origin";

    private final ManifestParser parser;
    private final Function<Path, String> display;
    private final Map<Path, ManifestParser.Parsed> sources = new HashMap<>();

    public Origins(ManifestParser parser, Function<Path, String> display) {
        this.parser = parser;
        this.display = display;
    }

    /** The object at the file and line its origin annotation names (paths relative to {@code built}), when that file can be read. */
    public Resource place(Resource r, Path built) {
        Optional<String> path = r.annotation(ANNOTATION).flatMap(a -> a.lines().filter(l -> l.startsWith("path:"))
                .map(l -> l.substring(5).strip()).findFirst());
        if (path.isEmpty()) {
            return r;
        }
        Path source = built.resolve(path.get()).normalize();
        ManifestParser.Parsed parsed = sources.computeIfAbsent(source, s -> {
            try {
                return parser.parse(Files.readString(s), display.apply(s), "", "");
            } catch (IOException | RuntimeException e) {
                return new ManifestParser.Parsed(List.of(), List.of(), 0);
            }
        });
        if (parsed.resources().isEmpty()) {
            return r;
        }
        int line = parsed.resources().stream().filter(s -> s.kind().equals(r.kind()) && !s.name().isEmpty() && r.name().contains(s.name()))
                .mapToInt(Resource::line).findFirst()
                .orElse(parsed.resources().stream().filter(s -> s.kind().equals(r.kind())).mapToInt(Resource::line).findFirst().orElse(1));
        return r.placedAt(display.apply(source), line);
    }
}
