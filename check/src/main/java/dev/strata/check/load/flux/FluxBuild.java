package dev.strata.check.load.flux;

import dev.strata.check.Skipped;
import dev.strata.check.graph.Resource;
import dev.strata.check.load.Kinds;
import dev.strata.check.load.Kustomizer;
import dev.strata.check.load.LoadProblem;
import dev.strata.check.load.ManifestParser;
import dev.strata.check.load.Origins;
import dev.strata.check.load.TempTrees;
import dev.strata.yaml.Yaml;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a Flux Kustomization the way kustomize-controller does (fluxcd/pkg kustomize
 * {@code kustomize_generator.go}, {@code kustomize_varsub.go}):
 * <ol>
 *   <li>the path's {@code kustomization.yaml} if it has one; else one generated from every
 *   {@code .yaml}/{@code .yml} file below it, where a subdirectory holding a kustomization is taken
 *   whole and not descended into — each file must be Kubernetes objects, or the build fails;</li>
 *   <li>the Kustomization's {@code targetNamespace}, {@code namePrefix}/{@code nameSuffix},
 *   {@code patches}, {@code images} and {@code components} applied over it, built with no load
 *   restrictions (as Flux builds);</li>
 *   <li>post-build substitution on each object (see {@link EnvSubst}) unless it is labelled or
 *   annotated {@code kustomize.toolkit.fluxcd.io/substitute: disabled}.</li>
 * </ol>
 * The overlay is written to a temporary directory, never into the tree. Each object keeps the file
 * and line it was written at (kustomize's origin annotations), which is what a person edits. One
 * difference is known: where the path's own kustomization sets a name prefix or suffix, Flux
 * replaces it and this build adds to it.
 */
public final class FluxBuild {

    public static final String SUBSTITUTE = "kustomize.toolkit.fluxcd.io/substitute";
    /** The end of the origin of objects whose {@code ${…}} Flux fills from sources the tree does not hold. */
    private static final String VARIABLES_UNKNOWN = " (postBuild variables not known)";
    private static final Set<String> IGNORED = Set.of(".git", ".github", ".circleci", ".gitlab-ci.yml", ".travis.yml",
            ".sops.yaml", ".flux.yaml", ".goreleaser.yml");

    /** What the build gave: objects (file and line of their source), findings, what was not checked. */
    public record Outcome(List<Resource> resources, List<LoadProblem> problems, List<Skipped> skipped) {
    }

    private final Kustomizer kustomizer;
    private final ManifestParser parser;
    private final Function<Path, String> display;

    public FluxBuild(Kustomizer kustomizer, ManifestParser parser, Function<Path, String> display) {
        this.kustomizer = kustomizer;
        this.parser = parser;
        this.display = display;
    }

    public Outcome build(FluxKustomization k, Path dir, DataSources data) {
        Resource self = k.object();
        String what = "Flux Kustomization " + self.namespace() + "/" + self.name();
        List<LoadProblem> problems = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Variables vars = variables(k, data, problems, skipped, what);
        Path work = null;
        try {
            work = Files.createTempDirectory("strata-flux-");
            Optional<List<String>> resources = resources(dir, work, problems, what);
            if (resources.isEmpty() || resources.get().isEmpty()) {
                return new Outcome(List.of(), problems, skipped);
            }
            Files.writeString(work.resolve("kustomization.yaml"), overlay(k, dir, work, resources.get()));
            return switch (kustomizer.buildUnrestricted(work)) {
                case Kustomizer.Built built -> objects(k, built.yaml(), work, vars, problems, skipped);
                case Kustomizer.Unavailable u -> {
                    skipped.add(Skipped.unrenderedSource(what, "not built: " + u.reason()));
                    yield new Outcome(List.of(), problems, skipped);
                }
                case Kustomizer.Failed f -> {
                    problems.add(new LoadProblem("flux-build-failed", self.file(), k.line("path"),
                            what + " does not build: " + f.message().replace(work.toString(), "<overlay>")));
                    yield new Outcome(List.of(), problems, skipped);
                }
            };
        } catch (IOException e) {
            skipped.add(Skipped.unrenderedSource(what, "not built: " + e.getMessage()));
            return new Outcome(List.of(), problems, skipped);
        } finally {
            TempTrees.delete(work);
        }
    }

    /** The variables for substitution: {@code substituteFrom} in order, then {@code substitute} over them. */
    private record Variables(boolean enabled, boolean complete, Map<String, String> values) {
    }

    private Variables variables(FluxKustomization k, DataSources data, List<LoadProblem> problems, List<Skipped> skipped, String what) {
        Map<String, String> values = new LinkedHashMap<>();
        boolean complete = true;
        for (FluxKustomization.ValuesRef ref : k.substituteFrom()) {
            switch (data.find(ref.kind(), k.object().namespace(), ref.name())) {
                case DataSources.Found f -> values.putAll(f.data());
                case DataSources.Unknown u when u.missing() && ref.optional() -> {
                    // optional: Flux skips a source that does not exist
                }
                case DataSources.Unknown u -> {
                    complete = false;
                    skipped.add(new Skipped(what, "postBuild variables from " + u.why() + ": unresolved ${…} left as written"));
                }
            }
        }
        values.putAll(k.substitute());
        values.replaceAll((name, v) -> v.replace("\n", ""));
        for (String name : values.keySet()) {
            if (!EnvSubst.NAME.matcher(name).matches()) {
                problems.add(new LoadProblem("flux-build-failed", k.object().file(), k.line("postBuild"),
                        what + ": '" + name + "' var name is invalid (Flux accepts letters, digits and _, not starting with a digit)"));
            }
        }
        boolean enabled = !values.isEmpty() || !complete || k.substituteAlways();
        return new Variables(enabled, complete, values);
    }

    /** The resources of the kustomization: the path itself when it has a kustomization, else what Flux generates. */
    private Optional<List<String>> resources(Path dir, Path work, List<LoadProblem> problems, String what) throws IOException {
        if (hasKustomization(dir)) {
            return Optional.of(List.of(relative(work, dir)));
        }
        List<String> out = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (!d.equals(dir) && IGNORED.contains(d.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!d.equals(dir) && hasKustomization(d)) {
                    files.add(d);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                String name = f.getFileName().toString();
                if (attrs.isRegularFile() && !IGNORED.contains(name) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    files.add(f);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(Path::toString));
        for (Path f : files) {
            if (Files.isRegularFile(f)) {
                ManifestParser.Parsed parsed = parser.parse(Files.readString(f), display.apply(f), "", "");
                if (!parsed.problems().isEmpty() || parsed.nonObjects() > 0) {
                    String why = parsed.problems().isEmpty() ? "a document is not a Kubernetes object (no kind or apiVersion)"
                            : parsed.problems().getFirst().message();
                    problems.add(new LoadProblem("flux-build-failed", display.apply(f), parsed.problems().isEmpty() ? 1
                            : parsed.problems().getFirst().line(), what + " fails to decode Kubernetes YAML from this file, which it builds"
                            + " (its path has no kustomization.yaml, so Flux takes every .yaml below it): " + why));
                    return Optional.empty();
                }
            }
            out.add(relative(work, f));
        }
        return Optional.of(out);
    }

    private static String overlay(FluxKustomization k, Path dir, Path work, List<String> resources) {
        Map<String, Object> kus = new LinkedHashMap<>();
        kus.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
        kus.put("kind", "Kustomization");
        kus.put("resources", resources);
        if (!k.targetNamespace().isEmpty()) {
            kus.put("namespace", k.targetNamespace());
        }
        if (!k.namePrefix().isEmpty()) {
            kus.put("namePrefix", k.namePrefix());
        }
        if (!k.nameSuffix().isEmpty()) {
            kus.put("nameSuffix", k.nameSuffix());
        }
        if (!k.patches().isEmpty()) {
            kus.put("patches", k.patches());
        }
        if (!k.images().isEmpty()) {
            kus.put("images", k.images());
        }
        if (!k.components().isEmpty()) {
            kus.put("components", k.components().stream().map(c -> relative(work, dir.resolve(c).normalize())).toList());
        }
        kus.put("buildMetadata", List.of("originAnnotations"));
        return Yaml.dump(kus);
    }

    private Outcome objects(FluxKustomization k, String yaml, Path work, Variables vars, List<LoadProblem> problems, List<Skipped> skipped) {
        Resource self = k.object();
        String origin = "flux:" + self.namespace() + "/" + self.name() + (vars.complete() ? "" : VARIABLES_UNKNOWN);
        String application = self.namespace() + "/" + self.name();
        List<Resource> out = new ArrayList<>();
        Origins origins = new Origins(parser, display);
        for (String doc : documents(yaml)) {
            String text = doc;
            Set<String> unset = Set.of();
            if (vars.enabled() && !doc.contains(SUBSTITUTE + ": disabled")) {
                EnvSubst.Result r = EnvSubst.apply(doc, vars.values());
                if (r.error().isPresent()) {
                    problems.add(new LoadProblem("flux-build-failed", self.file(), k.line("postBuild"),
                            "Flux Kustomization " + application + ": post-build substitution fails: " + r.error().get()));
                    continue;
                }
                text = r.text();
                unset = r.unset();
            }
            for (Resource r : parser.parse(text, self.file(), origin, "").resources()) {
                Resource placed = origins.place(new Resource(r.ref(), r.root(), r.file(), r.line(), origin, application), work);
                out.add(placed);
                if (vars.complete() && vars.enabled() && !unset.isEmpty()) {
                    problems.add(new LoadProblem("flux-variable-unset", placed.file(), placed.line(), "${" + String.join("}, ${", unset)
                            + "} in " + placed.ref().display() + " has no value in the postBuild variables of Flux Kustomization "
                            + application + " and no default"));
                }
                if (k.targetNamespace().isEmpty() && r.namespace().isEmpty() && builtInNamespaced(r)) {
                    problems.add(new LoadProblem("flux-build-failed", placed.file(), placed.line(), placed.ref().display()
                            + " has no namespace and Flux Kustomization " + application
                            + " sets no targetNamespace: Flux does not default it, so the apply fails (namespace not specified)"));
                }
            }
        }
        return new Outcome(out, problems, skipped);
    }

    /** Whether Flux substitutes this object's {@code ${…}} from variables the checked tree does not hold. */
    public static boolean variablesUnknown(Resource r) {
        return r.origin().startsWith("flux:") && r.origin().endsWith(VARIABLES_UNKNOWN);
    }

    /** Kinds of the built-in API groups that are namespaced: those a missing namespace breaks for sure. */
    private static boolean builtInNamespaced(Resource r) {
        String group = r.group();
        boolean builtIn = group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
        return builtIn && !Kinds.clusterScoped(r.kind()) && !r.kind().endsWith("List");
    }

    /** The documents of kustomize's output, which separates them with a {@code ---} line. */
    static List<String> documents(String yaml) {
        List<String> out = new ArrayList<>();
        StringBuilder doc = new StringBuilder();
        for (String line : yaml.split("\n", -1)) {
            if (line.equals("---")) {
                out.add(doc.toString());
                doc.setLength(0);
            } else {
                doc.append(line).append('\n');
            }
        }
        if (!doc.toString().isBlank()) {
            out.add(doc.toString());
        }
        return out.stream().filter(d -> !d.isBlank()).toList();
    }

    static boolean hasKustomization(Path dir) {
        return Files.isRegularFile(dir.resolve("kustomization.yaml")) || Files.isRegularFile(dir.resolve("kustomization.yml"))
                || Files.isRegularFile(dir.resolve("Kustomization"));
    }

    private static String relative(Path from, Path to) {
        return from.toAbsolutePath().relativize(to.toAbsolutePath()).toString().replace('\\', '/');
    }

}
