package dev.strata.charts.render;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The three places where helm-java's {@code template} differs from the {@code helm template} Argo
 * CD's repo-server runs, closed by rewriting the chart's text before rendering (a copy, never the
 * cache):
 * <ul>
 *   <li><b>lookup</b>: helm-java 0.0.21 renders with {@code DryRunOption "none"}, so {@code lookup}
 *       contacts the cluster in KUBECONFIG and fails offline. {@code helm template} without a
 *       cluster gives every lookup an empty map (helm.sh/helm/v3 pkg/engine: the default
 *       {@code lookup} when no REST config is set). The call becomes {@code omit (dict) args...},
 *       which is an empty map for any string arguments.</li>
 *   <li><b>hooks</b>: helm-java returns {@code rel.Manifest}, which leaves out hook manifests;
 *       {@code helm template} prints them after it, and Argo CD applies them as sync hooks. The
 *       annotation {@code helm.sh/hook} is renamed while rendering (so Helm keeps the object in the
 *       manifest) and named back in the output.</li>
 *   <li><b>API versions</b>: helm-java cannot pass {@code --api-versions}; Argo CD passes the
 *       destination cluster's. {@code .Capabilities.APIVersions.Has "x"} with a literal that is one
 *       of the API versions given (those of the CRDs in the platform) becomes {@code true}; every
 *       other check keeps Helm's default (built-in versions only).</li>
 * </ul>
 */
public final class TemplateRewrites {

    /** Hook annotations while rendering: same length class of key, outside every hook-aware code path. */
    static final String HOOK = "helm.sh/hook";
    static final String HOOK_WHILE_RENDERING = "strata.dev/helm-hook";

    private static final Pattern ACTION = Pattern.compile("\\{\\{.*?}}", Pattern.DOTALL);
    private static final Pattern LOOKUP = Pattern.compile("(?<=[\\s(|{-])lookup(?=\\s)");
    private static final Pattern HAS = Pattern.compile("(\\$\\w*)?\\.Capabilities\\.APIVersions\\.Has\\s+\"([^\"]+)\"");

    private TemplateRewrites() {
    }

    /** What a template asks of {@code .Capabilities.APIVersions}: literal versions, and whether it asks any other way. */
    public record Asks(Set<String> literals, boolean other) {
        public static final Asks NONE = new Asks(Set.of(), false);

        public boolean any() {
            return other || !literals.isEmpty();
        }

        public Asks plus(Asks o) {
            Set<String> all = new TreeSet<>(literals);
            all.addAll(o.literals);
            return new Asks(all, other || o.other);
        }

        /** Whether rendering with {@code after} instead of {@code before} can change the output. */
        public boolean affectedBy(Set<String> before, Set<String> after) {
            if (before.equals(after) || !any()) {
                return false;
            }
            return other || literals.stream().anyMatch(v -> before.contains(v) != after.contains(v));
        }
    }

    /** The API versions a template's text asks for. */
    public static Asks asks(String text) {
        if (!text.contains(".Capabilities.APIVersions")) {
            return Asks.NONE;
        }
        Set<String> literals = new TreeSet<>();
        int matched = 0;
        Matcher m = HAS.matcher(text);
        while (m.find()) {
            literals.add(m.group(2));
            matched++;
        }
        int all = 0;
        for (int i = text.indexOf(".Capabilities.APIVersions"); i >= 0; i = text.indexOf(".Capabilities.APIVersions", i + 1)) {
            all++;
        }
        return new Asks(literals, all > matched);
    }

    /** A template's text as it is rendered here; {@code apiVersions} are the extra API versions the cluster serves. */
    public static String template(String text, Set<String> apiVersions) {
        String out = text.contains("lookup") ? inActions(text, a -> LOOKUP.matcher(a).replaceAll("omit (dict)")) : text;
        if (out.contains(".Capabilities.APIVersions.Has") && !apiVersions.isEmpty()) {
            out = inActions(out, a -> {
                Matcher m = HAS.matcher(a);
                StringBuilder sb = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(sb, apiVersions.contains(m.group(2)) ? "true" : Matcher.quoteReplacement(m.group()));
                }
                m.appendTail(sb);
                return sb.toString();
            });
        }
        return hooksOff(out);
    }

    /** A values file of the chart: hook annotations set through values are renamed like those in templates. */
    public static String values(String text) {
        return hooksOff(text);
    }

    static String hooksOff(String text) {
        return text.contains(HOOK) ? text.replace(HOOK, HOOK_WHILE_RENDERING) : text;
    }

    /** The rendered output with hook annotations named as the chart wrote them. */
    public static String hooksBack(String rendered) {
        return rendered.replace(HOOK_WHILE_RENDERING, HOOK);
    }

    private static String inActions(String text, UnaryOperator<String> f) {
        Matcher m = ACTION.matcher(text);
        StringBuilder sb = new StringBuilder(text.length() + 64);
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
