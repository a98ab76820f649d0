package dev.strata.check.load.argo;

import dev.strata.charts.ChartArchive;
import dev.strata.check.Skipped;
import dev.strata.check.graph.Resource;
import dev.strata.check.load.ArgoSources;
import dev.strata.check.load.ChartRenderer;
import dev.strata.check.load.InlineValues;
import dev.strata.check.load.Kinds;
import dev.strata.check.load.KustomizationRefs;
import dev.strata.check.load.LoadProblem;
import dev.strata.check.load.Loading;
import dev.strata.check.load.ManifestParser;
import dev.strata.check.load.Plain;
import dev.strata.check.load.TempTrees;
import dev.strata.yaml.Yaml;
import dev.strata.yaml.tree.YMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Follows Argo CD objects the way the ApplicationSet controller and the reposerver read them:
 * ApplicationSets expanded into Applications ({@link ApplicationSets}), and each Application's
 * sources loaded as their type says — a directory ({@link ArgoDirectory}), a kustomization, a chart
 * in the tree, a chart from a repository or a directory of another repository (from the chart
 * cache). What it needs of the load is the narrow {@link Loading}.
 */
public final class ArgoFollower {

    private final Loading host;

    public ArgoFollower(Loading host) {
        this.host = host;
    }

    /**
     * Adds the Applications every ApplicationSet generates (see {@link ApplicationSets}), each
     * pointing at the ApplicationSet's file and line, so that the rules and the Application
     * following see them like any other; what cannot be generated offline is said.
     */
    public boolean expandApplicationSets() {
        boolean changed = false;
        for (Resource set : List.copyOf(host.resources())) {
            if (!set.is("argoproj.io", "ApplicationSet")) {
                continue;
            }
            String origin = "appset:" + set.namespace() + "/" + set.name();
            if (!host.follow(origin)) {
                continue;
            }
            Path root = host.tree().roots().isEmpty() ? Path.of(".") : host.tree().roots().getFirst();
            List<Map<String, Object>> secrets = host.resources().stream()
                    .filter(r -> r.is("", "Secret") && "cluster".equals(r.labels().get("argocd.argoproj.io/secret-type")))
                    .map(ArgoFollower::clusterSecret).toList();
            ApplicationSets.Generated g = ApplicationSets.expand(Plain.map(set.root()), new TreeRepo(root, secrets));
            String what = "ApplicationSet " + set.namespace() + "/" + set.name();
            g.notGenerated().forEach(why -> host.skip(Skipped.unrenderedSource(what, "not expanded: " + why)));
            for (Map<String, Object> app : g.applications()) {
                String text = Yaml.dump(app);
                for (Resource r : host.parser().parse(text, set.file(), origin, set.namespace()).resources()) {
                    host.resources().add(new Resource(r.ref(), r.root(), set.file(), set.line(), origin, set.application()).placedAt(set.file(), set.line()));
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** Follows every Application not followed yet; true when something new was loaded. */
    public boolean followApplications() {
        boolean changed = false;
        for (Resource app : List.copyOf(host.resources())) {
            if (!app.is("argoproj.io", "Application")) {
                continue;
            }
            List<YMap> sources = ArgoSources.of(app);
            for (YMap source : sources) {
                changed |= follow(app, source, sources);
            }
        }
        return changed;
    }

    boolean follow(Resource app, YMap source, List<YMap> sources) {
        String appName = app.namespace() + "/" + app.name();
        String namespace = app.spec().path("destination").flatMap(d -> d.str("namespace")).orElse("");
        if (source.has("chart")) {
            return followChart(app, source, sources, namespace);
        }
        Optional<String> path = source.str("path");
        if (path.isEmpty()) {
            return false;
        }
        Optional<Path> resolved = host.tree().resolve(path.get());
        if (resolved.isEmpty() || !Files.isDirectory(resolved.get())) {
            return followRemoteDirectory(app, source, path.get(), namespace);
        }
        Path dir = resolved.get();
        String key = appName + "@" + dir;
        if (!host.follow(key)) {
            return false;
        }
        String what = "Application " + appName;
        return switch (argoType(app, source, dir)) {
            case "plugin" -> {
                host.skip(Skipped.unrenderedSource(what, "config management plugin source " + path.get() + " not rendered: Strata cannot run plugins"));
                yield false;
            }
            case "helm" -> {
                Optional<ChartRenderer.Request> request = helmRequest(app, source, sources, Optional.of(dir), namespace);
                if (request.isEmpty()) {
                    yield false;
                }
                host.renderInTree(dir, host.show(dir.resolve("Chart.yaml")), "helm:" + host.show(dir) + "@" + app.name(), appName, request.get());
                yield true;
            }
            case "kustomize" -> followKustomize(dir, appName, namespace);
            default -> followDirectory(app, source, dir, appName, namespace);
        };
    }

    /**
     * Argo CD's source type (reposerver: an explicit kustomize, helm, directory or plugin block decides;
     * else a kustomization file in the path, then a Chart.yaml, else a plain directory).
     */
    String argoType(Resource app, YMap source, Path dir) {
        List<String> explicit = Stream.of("kustomize", "helm", "directory", "plugin").filter(source::has).toList();
        if (explicit.size() == 1) {
            return explicit.getFirst();
        }
        if (KustomizationRefs.find(dir).isPresent()) {
            return "kustomize";
        }
        if (Files.isRegularFile(dir.resolve("Chart.yaml"))) {
            return "helm";
        }
        return "directory";
    }

    /** A kustomization that an Application syncs: built for it (with its destination namespace), even when it is also a base. */
    boolean followKustomize(Path dir, String appName, String namespace) {
        String origin = "kustomize:" + host.show(dir);
        boolean builtAsRoot = host.resources().stream().anyMatch(r -> r.origin().equals(origin));
        if (!builtAsRoot) {
            host.buildKustomization(dir, appName);
        }
        host.resources().replaceAll(r -> r.origin().equals(origin)
                ? withDestination(r.application().isEmpty() ? r.withApplication(appName) : r, namespace) : r);
        return !builtAsRoot;
    }

    /**
     * A plain directory source, read as Argo CD reads it (see {@link ArgoDirectory}): the files it
     * selects belong to the Application; a path whose manifests are all in subdirectories, read
     * without recurse, deploys nothing, which is said.
     */
    boolean followDirectory(Resource app, YMap source, Path dir, String appName, String namespace) {
        YMap d = source.map("directory").orElse(YMap.empty());
        boolean recurse = d.bool("recurse").orElse(false);
        List<Path> selected;
        try {
            selected = ArgoDirectory.files(dir, recurse, d.strOr("include", ""), d.strOr("exclude", ""));
        } catch (IOException e) {
            host.skip(Skipped.unrenderedSource("Application " + appName, "directory " + host.show(dir) + " could not be read: " + e.getMessage()));
            return false;
        }
        List<Path> jsonnet = selected.stream().filter(f -> f.getFileName().toString().endsWith(".jsonnet")).toList();
        jsonnet.forEach(f -> host.skip(Skipped.unrenderedSource(host.show(f), "jsonnet is not evaluated (Argo CD renders it; Strata does not)")));
        List<Path> manifests = selected.stream().filter(f -> !jsonnet.contains(f)).toList();
        if (manifests.isEmpty() && jsonnet.isEmpty() && !recurse && nestedManifests(dir) > 0) {
            int line = source.has("path") ? source.keyLine("path") : app.line();
            host.problem(new LoadProblem("argo-directory-not-recursive", app.file(), line, "Application " + appName + " reads "
                    + host.show(dir) + " without directory.recurse, and its " + nestedManifests(dir)
                    + " manifest files are all in subdirectories: it deploys nothing"));
        }
        Set<String> shown = new HashSet<>();
        manifests.forEach(f -> shown.add(host.show(f)));
        boolean inside = host.walkedRoots().stream().anyMatch(dir::startsWith);
        if (!inside) {
            host.load(manifests, namespace, appName);
            return !manifests.isEmpty();
        }
        host.resources().replaceAll(r -> r.plain() && shown.contains(r.file())
                ? withDestination(r.application().isEmpty() ? r.withApplication(appName) : r, namespace) : r);
        return false;
    }

    private long nestedManifests(Path dir) {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(f -> !f.getParent().equals(dir))
                    .filter(f -> f.getFileName().toString().matches(".*\\.(yaml|yml|json)$")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    Resource withDestination(Resource r, String namespace) {
        return !namespace.isEmpty() && r.namespace().isEmpty() && !Kinds.clusterScoped(r.kind()) ? r.withNamespace(namespace) : r;
    }

    /** A chart from a Helm repository: rendered from the chart cache when deep, listed as not rendered otherwise. */
    boolean followChart(Resource app, YMap source, List<YMap> sources, String namespace) {
        String repo = source.strOr("repoURL", "");
        String chart = source.strOr("chart", "");
        String version = source.strOr("targetRevision", "");
        String what = "Application " + app.namespace() + "/" + app.name();
        String chartName = "chart " + chart + " " + version + " (" + repo + ")";
        String key = app.namespace() + "/" + app.name() + "@" + repo + "/" + chart + "@" + version;
        if (!host.follow(key)) {
            return false;
        }
        String full = repo.contains("://") ? repo : "oci://" + repo;
        host.want(full, chart, version);
        if (!host.options().deep()) {
            host.skip(Skipped.unrenderedSource(what, chartName + " not rendered: charts from a repository are rendered by strata check --deep"));
            return false;
        }
        Optional<Path> archive = host.options().charts().chart(full, chart, version).or(() -> host.options().charts().chart(repo, chart, version));
        if (archive.isEmpty()) {
            host.skip(Skipped.unrenderedSource(what, chartName + " not rendered: " + host.options().charts().missingReason()));
            return false;
        }
        Optional<ChartRenderer.Request> request = helmRequest(app, source, sources, Optional.empty(), namespace);
        if (request.isEmpty()) {
            return false;
        }
        String shown = request.get().valuesFiles().isEmpty() ? app.file() : host.show(request.get().valuesFiles().getFirst());
        host.renderFromCache(archive.get(), shown, "chart:" + chart + "-" + version + "@" + app.name(),
                app.namespace() + "/" + app.name(), request.get());
        return true;
    }

    /** A directory of another git repository (the Gateway API CRDs at a tag): loaded from the cache when deep. */
    boolean followRemoteDirectory(Resource app, YMap source, String path, String namespace) {
        String repo = source.strOr("repoURL", "");
        if (!host.options().deep() || repo.isEmpty()) {
            return false;
        }
        String revision = source.strOr("targetRevision", "HEAD");
        String key = app.namespace() + "/" + app.name() + "@" + repo + "//" + path + "@" + revision;
        if (!host.follow(key)) {
            return false;
        }
        Optional<Path> archive = host.options().charts().directory(repo, path, revision);
        String what = "Application " + app.namespace() + "/" + app.name();
        if (archive.isEmpty()) {
            host.skip(Skipped.unrenderedSource(what, "directory " + path + " of " + repo + " at " + revision + " not loaded: "
                    + host.options().charts().missingReason()));
            return false;
        }
        try {
            Path work = Files.createTempDirectory("strata-dir-");
            Path dir = ChartArchive.extract(archive.get(), work);
            String origin = "git:" + repo + "//" + path + "@" + revision;
            try (var files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (!(name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))) {
                        continue;
                    }
                    String shown = repo.replaceAll("/+$", "") + "/" + path + "/" + dir.relativize(f).toString().replace('\\', '/') + "@" + revision;
                    ManifestParser.Parsed parsed = host.parser().parse(Files.readString(f), shown, origin, namespace);
                    for (Resource r : parsed.resources()) {
                        host.resources().add(r.withApplication(app.namespace() + "/" + app.name()));
                    }
                    parsed.problems().forEach(host::problem);
                }
            }
            TempTrees.delete(work);
        } catch (IOException | RuntimeException e) {
            host.skip(Skipped.unrenderedSource(what, "directory " + path + " of " + repo + " at " + revision + " could not be read: " + e.getMessage()));
        }
        return true;
    }

    /**
     * Values as Argo CD passes them: value files (relative to the chart in the tree, or
     * {@code $ref/path} in the source with that ref, resolved in this tree), then
     * {@code values}/{@code valuesObject}, then {@code parameters}; empty (with the reason
     * recorded) when a values file cannot be found here.
     */
    Optional<ChartRenderer.Request> helmRequest(Resource app, YMap source, List<YMap> sources, Optional<Path> chartDir, String namespace) {
        YMap helm = source.map("helm").orElse(YMap.empty());
        List<Path> values = new ArrayList<>();
        String what = "Application " + app.namespace() + "/" + app.name();
        for (String v : helm.strings("valueFiles")) {
            Optional<Path> file = valuesFile(v, sources, chartDir);
            if (file.isPresent()) {
                values.add(file.get());
            } else if (!helm.bool("ignoreMissingValueFiles").orElse(false)) {
                host.skip(Skipped.unrenderedSource(what, "values file " + v + " is not in the checked tree, so its chart is not rendered"));
                return Optional.empty();
            }
        }
        Optional<String> inline = InlineValues.of(helm);
        String release = helm.str("releaseName").orElse(app.name());
        return Optional.of(new ChartRenderer.Request(release, namespace.isEmpty() ? "default" : namespace, values, inline,
                host.options().kubeVersion(), Set.of()));
    }

    Optional<Path> valuesFile(String v, List<YMap> sources, Optional<Path> chartDir) {
        if (v.startsWith("$")) {
            int slash = v.indexOf('/');
            String ref = slash < 0 ? v.substring(1) : v.substring(1, slash);
            String rest = slash < 0 ? "" : v.substring(slash + 1);
            boolean known = sources.stream().anyMatch(s -> ref.equals(s.strOr("ref", "")));
            if (!known) {
                return Optional.empty();
            }
            return host.tree().resolve(rest).filter(Files::isRegularFile);
        }
        return chartDir.map(d -> d.resolve(v).normalize()).filter(Files::isRegularFile);
    }
    /** A cluster Secret as the clusters generator reads it: its name, server, labels and annotations. */
    static Map<String, Object> clusterSecret(Resource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String field : List.of("name", "server")) {
            String v = r.root().map("stringData").flatMap(d -> d.str(field))
                    .or(() -> r.root().map("data").flatMap(d -> d.str(field)).map(b64 -> {
                        try {
                            return new String(Base64.getDecoder().decode(b64.strip()), StandardCharsets.UTF_8);
                        } catch (IllegalArgumentException e) {
                            return b64;
                        }
                    })).orElse("");
            m.put(field, v);
        }
        m.put("labels", r.labels());
        m.put("annotations", r.annotations());
        return m;
    }
}
