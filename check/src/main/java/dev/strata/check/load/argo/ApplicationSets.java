package dev.strata.check.load.argo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Arrays;

/**
 * The Applications an ApplicationSet generates, as the ApplicationSet controller makes them
 * (argo-cd v3.4.7 applicationset/): list, clusters (the in-cluster entry and cluster Secrets in
 * the checked tree), git directories and git files (over the checked tree), matrix and merge;
 * parameters named exactly as the generators name them; the template rendered leaf by leaf
 * (fasttemplate, or a Go-template subset with the common Sprig functions); a generator's own
 * template merged over {@code spec.template} (non-empty wins, maps unioned); the namespace forced to
 * the ApplicationSet's. What cannot be evaluated here (SCM, pull-request, cluster-decision and plugin
 * generators, an unsupported template function) is said, never guessed.
 */
public final class ApplicationSets {

    private ApplicationSets() {
    }

    /** The checked repository as generators read it. */
    public interface Repo {
        /** Directories relative to the root, hidden ones and their subtrees left out (GetGitDirectories). */
        List<String> directories();

        /** Files relative to the root, sorted. */
        List<String> files();

        Optional<String> read(String relative);

        /** Cluster Secrets in the tree ({@code argocd.argoproj.io/secret-type: cluster}): name, server, labels, annotations. */
        List<Map<String, Object>> clusterSecrets();
    }

    /** What an ApplicationSet generates: Applications as plain maps, and what could not be generated. */
    public record Generated(List<Map<String, Object>> applications, List<String> notGenerated) {
    }

    /** A generator or template this tool does not evaluate; the message says which. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message);
        }
    }

    @SuppressWarnings("unchecked")
    public static Generated expand(Map<String, Object> appset, Repo repo) {
        Map<String, Object> spec = map(appset.get("spec"));
        boolean go = Boolean.TRUE.equals(spec.get("goTemplate"));
        boolean missingKeyError = list(spec.get("goTemplateOptions")).contains("missingkey=error");
        String namespace = String.valueOf(map(appset.get("metadata")).getOrDefault("namespace", "argocd"));
        List<Map<String, Object>> apps = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean invalid = false;
        Template engine = new Template(go, missingKeyError);
        for (Object g : list(spec.get("generators"))) {
            Map<String, Object> generator = map(g);
            try {
                List<Map<String, Object>> params = params(generator, repo, go, engine);
                Map<String, Object> template = mergeTemplate(map(firstGeneratorValue(generator).get("template")), map(spec.get("template")));
                for (Map<String, Object> p : params) {
                    Map<String, Object> app = (Map<String, Object>) engine.render(template, p);
                    if (spec.get("templatePatch") instanceof String patch) {
                        Object patched = engine.renderString(patch, p);
                        Object project = map(app.get("spec")).get("project");
                        app = deepMerge(app, map(PlainYaml.read(String.valueOf(patched))));
                        map(app.get("spec")).put("project", project);
                    }
                    app.put("apiVersion", "argoproj.io/v1alpha1");
                    app.put("kind", "Application");
                    Map<String, Object> meta = new LinkedHashMap<>(map(app.get("metadata")));
                    meta.put("namespace", namespace);
                    app.put("metadata", meta);
                    apps.add(app);
                }
            } catch (Unsupported e) {
                problems.add(e.getMessage()); // evaluated by Argo CD, not here: the other generators' Applications stand
            } catch (IllegalArgumentException e) {
                // an invalid generator fails the whole ApplicationSet in Argo CD: it generates nothing
                problems.add(e.getMessage() + "; Argo CD refuses the whole ApplicationSet, so none of its Applications is generated");
                invalid = true;
            }
        }
        return new Generated(invalid ? List.of() : apps, problems);
    }

    private static Map<String, Object> firstGeneratorValue(Map<String, Object> generator) {
        return generator.values().stream().filter(v -> v instanceof Map<?, ?>).map(ApplicationSets::map).findFirst().orElse(Map.of());
    }

    /** The parameter sets one generator yields. */
    static List<Map<String, Object>> params(Map<String, Object> generator, Repo repo, boolean go, Template engine) {
        if (generator.get("list") instanceof Map<?, ?> l) {
            return listParams(map(l), go);
        }
        if (generator.get("clusters") instanceof Map<?, ?> c) {
            return clusterParams(map(c), repo, go);
        }
        if (generator.get("git") instanceof Map<?, ?> g) {
            return gitParams(map(g), repo, go);
        }
        if (generator.get("matrix") instanceof Map<?, ?> m) {
            return matrix(map(m), repo, go, engine);
        }
        if (generator.get("merge") instanceof Map<?, ?> m) {
            return merge(map(m), repo, go, engine);
        }
        throw new Unsupported("generator " + String.join(", ", generator.keySet()) + " is not evaluated offline (it asks a service Strata cannot reach)");
    }

    static List<Map<String, Object>> listParams(Map<String, Object> list, boolean go) {
        if (list.containsKey("elementsYaml")) {
            throw new Unsupported("list generator with elementsYaml is not evaluated");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object e : list(list.get("elements"))) {
            Map<String, Object> element = map(e);
            if (go) {
                out.add(new LinkedHashMap<>(element));
                continue;
            }
            Map<String, Object> flat = new LinkedHashMap<>();
            element.forEach((k, v) -> {
                if (k.equals("values") && v instanceof Map<?, ?> values) {
                    values.forEach((vk, vv) -> flat.put("values." + vk, String.valueOf(vv)));
                } else if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                    flat.put(k, String.valueOf(v));
                } else {
                    throw new IllegalArgumentException("list element " + k + ": error parsing value as string (goTemplate: false takes strings only)");
                }
            });
            out.add(flat);
        }
        return out;
    }

    static List<Map<String, Object>> clusterParams(Map<String, Object> clusters, Repo repo, boolean go) {
        Map<String, Object> selector = map(clusters.get("selector"));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> secret : repo.clusterSecrets()) {
            Map<String, String> labels = strings(secret.get("labels"));
            if (!matches(selector, labels)) {
                continue;
            }
            out.add(cluster(String.valueOf(secret.get("name")), String.valueOf(secret.get("server")), labels, strings(secret.get("annotations")), go));
        }
        boolean inClusterSecret = out.stream().anyMatch(p -> "https://kubernetes.default.svc".equals(p.get("server")));
        if (selector.isEmpty() && !inClusterSecret) {
            Map<String, Object> local = new LinkedHashMap<>();
            local.put("name", "in-cluster");
            local.put("nameNormalized", "in-cluster");
            local.put("server", "https://kubernetes.default.svc");
            local.put("project", "");
            out.add(local);
        }
        return out;
    }

    private static Map<String, Object> cluster(String name, String server, Map<String, String> labels, Map<String, String> annotations, boolean go) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("nameNormalized", sanitize(name));
        p.put("server", server);
        p.put("project", "");
        if (go) {
            Map<String, Object> meta = new LinkedHashMap<>();
            if (!labels.isEmpty()) {
                meta.put("labels", labels);
            }
            if (!annotations.isEmpty()) {
                meta.put("annotations", annotations);
            }
            p.put("metadata", meta);
        } else {
            labels.forEach((k, v) -> p.put("metadata.labels." + k, v));
            annotations.forEach((k, v) -> p.put("metadata.annotations." + k, v));
        }
        return p;
    }

    private static boolean matches(Map<String, Object> selector, Map<String, String> labels) {
        for (Map.Entry<String, String> e : strings(selector.get("matchLabels")).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (Object o : list(selector.get("matchExpressions"))) {
            Map<String, Object> x = map(o);
            String key = String.valueOf(x.get("key"));
            List<Object> values = list(x.get("values"));
            boolean ok = switch (String.valueOf(x.get("operator"))) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static List<Map<String, Object>> gitParams(Map<String, Object> git, Repo repo, boolean go) {
        String prefix = git.get("pathParamPrefix") instanceof String s && !s.isEmpty() ? s + "." : "";
        List<Map<String, Object>> out = new ArrayList<>();
        if (git.containsKey("directories")) {
            List<Map<String, Object>> patterns = list(git.get("directories")).stream().map(ApplicationSets::map).toList();
            for (String dir : repo.directories()) {
                boolean included = patterns.stream().anyMatch(p -> !Boolean.TRUE.equals(p.get("exclude")) && pathMatch(String.valueOf(p.get("path")), dir));
                boolean excluded = patterns.stream().anyMatch(p -> Boolean.TRUE.equals(p.get("exclude")) && pathMatch(String.valueOf(p.get("path")), dir));
                if (included && !excluded) {
                    out.add(pathParams(dir, Optional.empty(), prefix, go, new LinkedHashMap<>()));
                }
            }
            return out;
        }
        if (git.containsKey("files")) {
            List<Map<String, Object>> patterns = list(git.get("files")).stream().map(ApplicationSets::map).toList();
            for (String file : repo.files()) {
                boolean included = patterns.stream().anyMatch(p -> !Boolean.TRUE.equals(p.get("exclude")) && pathspec(String.valueOf(p.get("path")), file));
                boolean excluded = patterns.stream().anyMatch(p -> Boolean.TRUE.equals(p.get("exclude")) && pathspec(String.valueOf(p.get("path")), file));
                if (!included || excluded) {
                    continue;
                }
                Object content = PlainYaml.read(repo.read(file).orElse(""));
                List<Object> entries = content instanceof List<?> l ? new ArrayList<>(l) : List.of(content == null ? Map.of() : content);
                for (Object entry : entries) {
                    Map<String, Object> base = new LinkedHashMap<>();
                    if (go) {
                        base.putAll(map(entry));
                    } else {
                        flatten("", entry, base);
                    }
                    int slash = file.lastIndexOf('/');
                    String dir = slash < 0 ? "" : file.substring(0, slash);
                    out.add(pathParams(dir, Optional.of(file.substring(slash + 1)), prefix, go, base));
                }
            }
            return out;
        }
        throw new Unsupported("git generator without directories or files");
    }

    private static Map<String, Object> pathParams(String dir, Optional<String> filename, String prefix, boolean go, Map<String, Object> into) {
        String base = dir.contains("/") ? dir.substring(dir.lastIndexOf('/') + 1) : dir;
        List<String> segments = Arrays.stream(dir.split("/")).filter(s -> !s.isEmpty()).toList();
        if (go) {
            Map<String, Object> path = new LinkedHashMap<>();
            path.put("path", dir);
            path.put("basename", base);
            path.put("basenameNormalized", sanitize(base));
            filename.ifPresent(f -> {
                path.put("filename", f);
                path.put("filenameNormalized", sanitize(f));
            });
            path.put("segments", segments);
            if (prefix.isEmpty()) {
                into.put("path", path);
            } else {
                into.put(prefix.substring(0, prefix.length() - 1), new LinkedHashMap<>(Map.of("path", path)));
            }
            return into;
        }
        into.put(prefix + "path", dir);
        into.put(prefix + "path.basename", base);
        into.put(prefix + "path.basenameNormalized", sanitize(base));
        filename.ifPresent(f -> {
            into.put(prefix + "path.filename", f);
            into.put(prefix + "path.filenameNormalized", sanitize(f));
        });
        for (int i = 0; i < segments.size(); i++) {
            into.put(prefix + "path[" + i + "]", segments.get(i));
        }
        return into;
    }

    static List<Map<String, Object>> matrix(Map<String, Object> matrix, Repo repo, boolean go, Template engine) {
        List<Object> children = list(matrix.get("generators"));
        if (children.size() != 2) {
            throw new IllegalArgumentException("matrix generator needs exactly 2 child generators, has " + children.size());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> a : params(map(children.get(0)), repo, go, engine)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> second = (Map<String, Object>) engine.render(map(children.get(1)), a);
            for (Map<String, Object> b : params(second, repo, go, engine)) {
                if (go) {
                    out.add(deepMerge(deepMerge(new LinkedHashMap<>(), b), a));
                } else {
                    Map<String, Object> combined = new LinkedHashMap<>(a);
                    b.forEach((k, v) -> {
                        if (combined.containsKey(k) && !combined.get(k).equals(v)) {
                            throw new IllegalArgumentException("matrix: found duplicate key " + k + " with different value");
                        }
                        combined.put(k, v);
                    });
                    out.add(combined);
                }
            }
        }
        return out;
    }

    static List<Map<String, Object>> merge(Map<String, Object> merge, Repo repo, boolean go, Template engine) {
        List<Object> children = list(merge.get("generators"));
        List<String> keys = list(merge.get("mergeKeys")).stream().map(String::valueOf).toList();
        if (children.size() < 2 || keys.isEmpty()) {
            throw new IllegalArgumentException("merge generator needs at least 2 child generators and mergeKeys");
        }
        Map<String, Map<String, Object>> base = new LinkedHashMap<>();
        for (Map<String, Object> p : params(map(children.getFirst()), repo, go, engine)) {
            base.put(key(p, keys), new LinkedHashMap<>(p));
        }
        for (Object child : children.subList(1, children.size())) {
            for (Map<String, Object> p : params(map(child), repo, go, engine)) {
                Map<String, Object> target = base.get(key(p, keys));
                if (target != null) {
                    if (go) {
                        base.put(key(p, keys), deepMerge(target, p));
                    } else {
                        target.putAll(p);
                    }
                }
            }
        }
        return new ArrayList<>(base.values());
    }

    private static String key(Map<String, Object> params, List<String> keys) {
        StringBuilder b = new StringBuilder();
        for (String k : keys) {
            b.append(k).append('=').append(params.get(k)).append(';');
        }
        return b.toString();
    }

    /** mergo.Merge without override: the generator's non-empty fields win, empty ones come from spec.template, maps are unioned. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mergeTemplate(Map<String, Object> generator, Map<String, Object> base) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        generator.forEach((k, v) -> {
            Object b = out.get(k);
            if (v instanceof Map<?, ?> vm && b instanceof Map<?, ?> bm) {
                out.put(k, mergeTemplate((Map<String, Object>) vm, (Map<String, Object>) bm));
            } else if (!empty(v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static boolean empty(Object v) {
        return v == null || (v instanceof String s && s.isEmpty()) || (v instanceof Map<?, ?> m && m.isEmpty())
                || (v instanceof List<?> l && l.isEmpty()) || Boolean.FALSE.equals(v);
    }

    /** Maps merged deeply, the second's values winning; lists replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> deepMerge(Map<String, Object> into, Map<String, Object> from) {
        Map<String, Object> out = new LinkedHashMap<>(into);
        from.forEach((k, v) -> {
            Object cur = out.get(k);
            out.put(k, cur instanceof Map<?, ?> cm && v instanceof Map<?, ?> vm
                    ? deepMerge((Map<String, Object>) cm, (Map<String, Object>) vm) : v);
        });
        return out;
    }

    /** jeremywohl/flatten DotStyle: nested keys joined with '.', list items by index, values stringified. */
    private static void flatten(String prefix, Object v, Map<String, Object> out) {
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, x, out));
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                flatten(prefix + "." + i, l.get(i), out);
            }
        } else if (!prefix.isEmpty()) {
            out.put(prefix, v == null ? "" : v instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(v));
        }
    }

    /** Go's path.Match: '*' and '?' do not cross '/', classes in brackets. */
    static boolean pathMatch(String pattern, String path) {
        return Pattern.compile(globToRegex(pattern, false)).matcher(path).matches();
    }

    /** A git pathspec as git ls-files reads it: '*' crosses '/'. */
    static boolean pathspec(String pattern, String path) {
        return Pattern.compile(globToRegex(pattern, true)).matcher(path).matches();
    }

    private static String globToRegex(String glob, boolean starCrossesSlash) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    boolean dbl = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                    if (dbl) {
                        i++;
                    }
                    re.append(starCrossesSlash || dbl ? ".*" : "[^/]*");
                }
                case '?' -> re.append(starCrossesSlash ? "." : "[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        String cls = glob.substring(i + 1, end);
                        re.append('[').append(cls.startsWith("!") || cls.startsWith("^") ? "^" + cls.substring(1) : cls).append(']');
                        i = end;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    /** SanitizeName: lower case, [^-a-z0-9.] to '-', at most 253, '-' and '.' trimmed at both ends. */
    static String sanitize(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^-a-z0-9.]", "-");
        if (s.length() > 253) {
            s = s.substring(0, 253);
        }
        return s.replaceAll("^[-.]+|[-.]+$", "");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static Map<String, String> strings(Object o) {
        Map<String, String> out = new TreeMap<>();
        map(o).forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    /** Template rendering of every string leaf and map key. */
    static final class Template {
        private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
        private final boolean go;
        private final boolean missingKeyError;

        Template(boolean go, boolean missingKeyError) {
            this.go = go;
            this.missingKeyError = missingKeyError;
        }

        Object render(Object node, Map<String, Object> params) {
            if (node instanceof Map<?, ?> m) {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put(String.valueOf(renderString(String.valueOf(k), params)), render(v, params)));
                return out;
            }
            if (node instanceof List<?> l) {
                List<Object> out = new ArrayList<>();
                l.forEach(x -> out.add(render(x, params)));
                return out;
            }
            return node instanceof String s ? renderString(s, params) : node;
        }

        String renderString(String s, Map<String, Object> params) {
            if (!s.contains("{{")) {
                return s;
            }
            Matcher m = TAG.matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String expr = m.group(1).strip();
                String value;
                if (go) {
                    value = GoTemplates.evaluate(expr.replaceAll("^-\\s*|\\s*-$", ""), params, missingKeyError);
                } else {
                    Object v = params.get(expr);
                    value = v instanceof String str ? str : m.group(0); // fasttemplate: unknown or non-string left as is
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }
    }
}
