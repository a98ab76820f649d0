package dev.strata.check.load.flux;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Flux's post-build substitution ({@code fluxcd/pkg envsubst}, used by kustomize-controller on each
 * built object): only {@code ${...}} is recognised ({@code $VAR} stays literal); {@code $$} collapses
 * to {@code $}, so {@code $${X}} leaves {@code ${X}}; the four default forms {@code -, :-, =, :=} all
 * apply when the variable is unset or empty ({@code funcs.go toDefault}) and nest; the case operators
 * {@code ^ ^^ , ,,} and the length {@code #} are applied. An unclosed {@code ${} is the build error
 * Flux gives. A variable with no value and no default is left as written and listed in
 * {@link Result#unset()}: strict substitution (the default since kustomize-controller v1.9) fails the
 * build on it, unless its value comes from somewhere the checked tree does not hold.
 */
public final class EnvSubst {

    /** Flux's variable name rule: {@code ^[_[:alpha:]][_[:alpha:][:digit:]]*$}. */
    public static final Pattern NAME = Pattern.compile("[_A-Za-z][_A-Za-z0-9]*");

    private EnvSubst() {
    }

    /** The substituted text, the variables used with no value and no default, and an error if the text cannot be parsed. */
    public record Result(String text, Set<String> unset, Optional<String> error) {
    }

    public static Result apply(String text, Map<String, String> vars) {
        Set<String> unset = new LinkedHashSet<>();
        try {
            return new Result(new Scanner(text, vars, unset).plain(false), unset, Optional.empty());
        } catch (IllegalArgumentException e) {
            return new Result(text, unset, Optional.of(e.getMessage()));
        }
    }

    private static final class Scanner {
        private final String s;
        private final Map<String, String> vars;
        private final Set<String> unset;
        private int i;

        Scanner(String s, Map<String, String> vars, Set<String> unset) {
            this.s = s;
            this.vars = vars;
            this.unset = unset;
        }

        /** Text up to the end (or, inside a default, up to its closing brace, not consumed). */
        String plain(boolean inBraces) {
            StringBuilder out = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i);
                if (inBraces && c == '}') {
                    return out.toString();
                }
                if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '$') {
                    out.append('$');
                    i += 2;
                } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                    int start = i;
                    i += 2;
                    out.append(expression(start));
                } else {
                    out.append(c);
                    i++;
                }
            }
            if (inBraces) {
                throw new IllegalArgumentException("missing closing brace");
            }
            return out.toString();
        }

        String expression(int start) {
            boolean length = i < s.length() && s.charAt(i) == '#';
            if (length) {
                i++;
            }
            int nameStart = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            String name = s.substring(nameStart, i);
            if (name.isEmpty() || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("bad substitution");
            }
            if (i >= s.length()) {
                throw new IllegalArgumentException("missing closing brace");
            }
            String value = vars.get(name);
            char op = s.charAt(i);
            if (op == '}') {
                i++;
                if (value == null) {
                    unset.add(name);
                    return s.substring(start, i);
                }
                return length ? Integer.toString(value.length()) : value;
            }
            String ops = s.startsWith(":-", i) || s.startsWith(":=", i) ? s.substring(i, i + 2)
                    : (op == '-' || op == '=') ? String.valueOf(op)
                    : s.startsWith("^^", i) || s.startsWith(",,", i) ? s.substring(i, i + 2)
                    : (op == '^' || op == ',') ? String.valueOf(op) : "";
            if (ops.isEmpty()) {
                // substring, pattern removal and replacement: kept as written, evaluated by Flux
                int close = s.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("missing closing brace");
                }
                i = close + 1;
                if (value == null) {
                    unset.add(name);
                }
                return s.substring(start, i);
            }
            i += ops.length();
            if (ops.contains("-") || ops.contains("=")) {
                String fallback = plain(true);
                i++; // the closing brace
                return value == null || value.isEmpty() ? fallback : value;
            }
            if (i >= s.length() || s.charAt(i) != '}') {
                throw new IllegalArgumentException("bad substitution");
            }
            i++;
            if (value == null) {
                unset.add(name);
                return s.substring(start, i);
            }
            return switch (ops) {
                case "^^" -> value.toUpperCase(Locale.ROOT);
                case ",," -> value.toLowerCase(Locale.ROOT);
                case "^" -> value.isEmpty() ? value : value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
                default -> value.isEmpty() ? value : value.substring(0, 1).toLowerCase(Locale.ROOT) + value.substring(1);
            };
        }
    }
}
