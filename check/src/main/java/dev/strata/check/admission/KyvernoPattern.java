package dev.strata.check.admission;

import dev.strata.yaml.tree.YList;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kyverno's {@code validate.pattern} semantics (kyverno v1.19 {@code pkg/engine/validate},
 * {@code pkg/engine/anchor}, {@code pkg/engine/pattern}), evaluated on a resource:
 * <ul>
 *   <li>anchors, evaluated before plain keys: {@code (k)} conditional (absent or not matching: the
 *       enclosing element is skipped), {@code <(k)} global (not matching: the whole rule is skipped),
 *       {@code =(k)} equality (must match if present), {@code ^(k)} existence (a list with at least
 *       one matching element), {@code X(k)} negation (must be absent);</li>
 *   <li>plain keys: a missing key is null, which fails every pattern but {@code null};</li>
 *   <li>a list pattern's first element applies to every element of the list; a list whose every
 *       element is skipped skips its scope;</li>
 *   <li>values: {@code |} or, {@code &} and, {@code !} not, {@code > < >= <=}, ranges {@code a-b} and
 *       {@code a!-b}, wildcards {@code *} and {@code ?}; quantities and durations compare by value;
 *       {@code "*"} requires a value; a non-string pattern compares with the value's text.</li>
 * </ul>
 * Variables ({@code {{ }}}) are not evaluated: such a pattern gives {@link Result#notEvaluated}.
 */
public final class KyvernoPattern {

    /** The outcome of matching one pattern: pass, fail (with where), skip (a conditional or global anchor), or not evaluated. */
    public record Result(Kind kind, String detail) {
        public enum Kind { PASS, FAIL, SKIP, NOT_EVALUATED }

        static final Result PASS = new Result(Kind.PASS, "");
        static final Result SKIP = new Result(Kind.SKIP, "");

        static Result fail(String path, String why) {
            return new Result(Kind.FAIL, path + ": " + why);
        }

        public static Result notEvaluated(String why) {
            return new Result(Kind.NOT_EVALUATED, why);
        }

        public boolean failed() {
            return kind == Kind.FAIL;
        }
    }

    /** Thrown inside to cut a whole rule short on a global anchor that does not match. */
    private static final class GlobalSkip extends RuntimeException {
        GlobalSkip() {
            super(null, null, false, false);
        }
    }

    private static final Pattern RANGE = Pattern.compile("(-?[0-9.]+[a-zA-Z]*)(!?-)(-?[0-9.]+[a-zA-Z]*)");

    private KyvernoPattern() {
    }

    /** Matches {@code resource} (null: absent) against {@code pattern}. */
    public static Result match(YNode resource, YNode pattern) {
        if (containsVariable(pattern)) {
            return Result.notEvaluated("the pattern uses variables ({{ }})");
        }
        try {
            return element(resource, pattern, "");
        } catch (GlobalSkip e) {
            return Result.SKIP;
        }
    }

    private static Result element(YNode resource, YNode pattern, String path) {
        if (pattern instanceof YMap pm) {
            if (!(resource instanceof YMap rm)) {
                return Result.fail(path, "expected an object, found " + describe(resource));
            }
            return map(rm, pm, path);
        }
        if (pattern instanceof YList pl) {
            if (!(resource instanceof YList rl)) {
                return resource == null || resource instanceof YScalar s && s.isNull()
                        ? Result.fail(path, "missing") : Result.fail(path, "expected a list, found " + describe(resource));
            }
            if (pl.items().isEmpty()) {
                return Result.PASS;
            }
            YNode first = pl.items().getFirst();
            boolean anyChecked = rl.items().isEmpty();
            for (int i = 0; i < rl.items().size(); i++) {
                Result r = element(rl.items().get(i), first, path + "[" + i + "]");
                if (r.failed() || r.kind() == Result.Kind.NOT_EVALUATED) {
                    return r;
                }
                anyChecked |= r.kind() == Result.Kind.PASS;
            }
            return anyChecked ? Result.PASS : Result.SKIP;
        }
        return value(resource, (YScalar) pattern, path);
    }

    private static Result map(YMap resource, YMap pattern, String path) {
        // anchors first, then plain keys (pkg/engine/validate validateMap)
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < pattern.keyCount(); i++) {
                String key = pattern.keyAt(i);
                Anchor a = Anchor.of(key);
                if ((a.type() == Anchor.Type.NONE) != (pass == 1)) {
                    continue;
                }
                YNode sub = pattern.valueAt(i);
                YNode value = resource.get(a.key()).orElse(null);
                String at = path.isEmpty() ? a.key() : path + "." + a.key();
                switch (a.type()) {
                    case CONDITIONAL -> {
                        if (value == null) {
                            return Result.SKIP;
                        }
                        Result r = element(value, sub, at);
                        if (r.failed() || r.kind() == Result.Kind.SKIP) {
                            return Result.SKIP;
                        }
                    }
                    case GLOBAL -> {
                        if (value != null) {
                            Result r = element(value, sub, at);
                            if (r.failed()) {
                                throw new GlobalSkip();
                            }
                        }
                    }
                    case EQUALITY -> {
                        if (value != null) {
                            Result r = element(value, sub, at);
                            if (r.failed() || r.kind() == Result.Kind.NOT_EVALUATED) {
                                return r;
                            }
                        }
                    }
                    case EXISTENCE -> {
                        if (!(value instanceof YList list) || !(sub instanceof YList pl) || pl.items().isEmpty()) {
                            return Result.fail(at, "must be a list with at least one element matching the pattern");
                        }
                        boolean found = false;
                        for (YNode item : list.items()) {
                            if (element(item, pl.items().getFirst(), at).kind() == Result.Kind.PASS) {
                                found = true;
                                break;
                            }
                        }
                        if (!found) {
                            return Result.fail(at, "no element matches the pattern");
                        }
                    }
                    case NEGATION -> {
                        if (value != null) {
                            return Result.fail(at, "must not be set");
                        }
                    }
                    case ADD, NONE -> {
                        if (a.type() == Anchor.Type.ADD) {
                            continue; // mutate only
                        }
                        Result r = element(value, sub, at);
                        if (r.kind() != Result.Kind.PASS) {
                            return r;
                        }
                    }
                }
            }
        }
        return Result.PASS;
    }

    private static Result value(YNode resource, YScalar pattern, String path) {
        if (pattern.isNull()) {
            boolean empty = resource == null || resource instanceof YScalar s && (s.isNull() || s.text().isEmpty()
                    || s.text().equals("0") || s.text().equals("false"));
            return empty ? Result.PASS : Result.fail(path, "must be empty");
        }
        if (!(resource instanceof YScalar rs) || rs.isNull()) {
            if (resource == null || resource instanceof YScalar) {
                return Result.fail(path, "missing (required: " + pattern.text() + ")");
            }
            return pattern.text().equals("*") ? Result.PASS : Result.fail(path, "expected a value, found " + describe(resource));
        }
        String actual = rs.text();
        if (pattern.type() != YScalar.Type.STRING) {
            return textEquals(actual, pattern) ? Result.PASS : Result.fail(path, "is " + actual + ", must be " + pattern.text());
        }
        return matchesExpression(actual, pattern.text()) ? Result.PASS : Result.fail(path, "is " + quoted(actual) + ", must match " + quoted(pattern.text()));
    }

    private static boolean textEquals(String actual, YScalar pattern) {
        if (pattern.type() == YScalar.Type.BOOL) {
            return actual.equalsIgnoreCase(pattern.isTrue() ? "true" : "false");
        }
        Optional<Double> a = number(actual);
        Optional<Double> p = number(pattern.text());
        return a.isPresent() && p.isPresent() ? a.get().equals(p.get()) : actual.equals(pattern.text());
    }

    /** A string pattern: alternatives with |, conjunctions with &, then one operator. */
    static boolean matchesExpression(String actual, String expression) {
        for (String alternative : expression.split("\\|")) {
            boolean all = true;
            for (String part : alternative.split("&")) {
                if (!matchesOne(actual, part.strip())) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesOne(String actual, String p) {
        if (p.equals("*")) {
            return true;
        }
        if (p.startsWith(">=")) {
            return compare(actual, p.substring(2)).map(c -> c >= 0).orElse(false);
        }
        if (p.startsWith("<=")) {
            return compare(actual, p.substring(2)).map(c -> c <= 0).orElse(false);
        }
        if (p.startsWith(">")) {
            return compare(actual, p.substring(1)).map(c -> c > 0).orElse(false);
        }
        if (p.startsWith("<")) {
            return compare(actual, p.substring(1)).map(c -> c < 0).orElse(false);
        }
        if (p.startsWith("!")) {
            return !wildcard(actual, p.substring(1));
        }
        var range = RANGE.matcher(p);
        if (range.matches() && number(range.group(1)).isPresent() && number(range.group(3)).isPresent()) {
            Optional<Integer> lo = compare(actual, range.group(1));
            Optional<Integer> hi = compare(actual, range.group(3));
            boolean inside = lo.isPresent() && hi.isPresent() && lo.get() >= 0 && hi.get() <= 0;
            return range.group(2).equals("!-") != inside;
        }
        Optional<Double> a = number(actual);
        Optional<Double> b = number(p);
        if (a.isPresent() && b.isPresent()) {
            return a.get().equals(b.get());
        }
        return wildcard(actual, p);
    }

    private static Optional<Integer> compare(String actual, String bound) {
        Optional<Double> a = number(actual);
        Optional<Double> b = number(bound.strip());
        return a.isPresent() && b.isPresent() ? Optional.of(Double.compare(a.get(), b.get())) : Optional.empty();
    }

    /** A Kubernetes quantity (100m, 128Mi, 1e3) or a duration (10s, 1h30m) as a number; empty for anything else. */
    static Optional<Double> number(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        var q = Pattern.compile("([+-]?[0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?").matcher(t);
        if (q.matches()) {
            double v = Double.parseDouble(q.group(1));
            String unit = q.group(2) == null ? "" : q.group(2);
            double f = switch (unit) {
                case "m" -> 1e-3;
                case "k" -> 1e3;
                case "M" -> 1e6;
                case "G" -> 1e9;
                case "T" -> 1e12;
                case "P" -> 1e15;
                case "E" -> 1e18;
                case "Ki" -> 1024.0;
                case "Mi" -> 1024.0 * 1024;
                case "Gi" -> 1024.0 * 1024 * 1024;
                case "Ti" -> Math.pow(1024, 4);
                case "Pi" -> Math.pow(1024, 5);
                case "Ei" -> Math.pow(1024, 6);
                default -> 1.0;
            };
            return Optional.of(v * f);
        }
        var d = Pattern.compile("(?:([0-9.]+)h)?(?:([0-9.]+)m(?!s))?(?:([0-9.]+)s)?(?:([0-9.]+)ms)?").matcher(t);
        if (d.matches() && t.matches(".*[hms]$")) {
            double secs = 0;
            secs += d.group(1) == null ? 0 : Double.parseDouble(d.group(1)) * 3600;
            secs += d.group(2) == null ? 0 : Double.parseDouble(d.group(2)) * 60;
            secs += d.group(3) == null ? 0 : Double.parseDouble(d.group(3));
            secs += d.group(4) == null ? 0 : Double.parseDouble(d.group(4)) / 1000;
            return Optional.of(secs);
        }
        return Optional.empty();
    }

    /** Glob with * (any run) and ? (one character), as Kyverno's wildcard.Match. */
    static boolean wildcard(String value, String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(value).matches();
    }

    private static boolean containsVariable(YNode n) {
        return switch (n) {
            case YMap m -> {
                for (int i = 0; i < m.keyCount(); i++) {
                    if (m.keyAt(i).contains("{{") || containsVariable(m.valueAt(i))) {
                        yield true;
                    }
                }
                yield false;
            }
            case YList l -> l.items().stream().anyMatch(KyvernoPattern::containsVariable);
            case YScalar s -> s.text().contains("{{");
        };
    }

    private static String describe(YNode n) {
        return n == null ? "nothing" : n.typeName();
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }

    /** A pattern key with its anchor. */
    record Anchor(Type type, String key) {
        enum Type { NONE, CONDITIONAL, GLOBAL, EQUALITY, EXISTENCE, NEGATION, ADD }

        static Anchor of(String k) {
            if (k.endsWith(")")) {
                if (k.startsWith("(")) {
                    return new Anchor(Type.CONDITIONAL, k.substring(1, k.length() - 1));
                }
                if (k.length() > 3 && k.charAt(1) == '(') {
                    String inner = k.substring(2, k.length() - 1);
                    return switch (k.charAt(0)) {
                        case '<' -> new Anchor(Type.GLOBAL, inner);
                        case '=' -> new Anchor(Type.EQUALITY, inner);
                        case '^' -> new Anchor(Type.EXISTENCE, inner);
                        case 'X' -> new Anchor(Type.NEGATION, inner);
                        case '+' -> new Anchor(Type.ADD, inner);
                        default -> new Anchor(Type.NONE, k);
                    };
                }
            }
            return new Anchor(Type.NONE, k);
        }
    }

    /** Lower-case text of a list of scalars (kinds, operations). */
    static List<String> texts(Optional<YList> list) {
        List<String> out = new ArrayList<>();
        list.ifPresent(l -> l.items().forEach(i -> {
            if (i instanceof YScalar s) {
                out.add(s.text());
            }
        }));
        return out;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
