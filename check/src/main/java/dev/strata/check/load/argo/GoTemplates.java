package dev.strata.check.load.argo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of Go's text/template with Sprig that ApplicationSet templates use: field chains
 * ({@code .path.basename}), string and number literals, pipelines, and the functions index, default,
 * lower, upper, title, trim, trimPrefix, trimSuffix, replace, quote, squote, printf (%s, %d, %v),
 * toString, normalize and slugify. Anything else (conditionals, ranges, other functions) is
 * refused with its name, so that an Application is never generated from a guess.
 */
final class GoTemplates {

    private GoTemplates() {
    }

    static String evaluate(String expression, Map<String, Object> params, boolean missingKeyError) {
        Object v = null;
        boolean first = true;
        for (String stage : splitPipeline(expression)) {
            List<String> words = words(stage);
            if (words.isEmpty()) {
                throw new ApplicationSets.Unsupported("empty template expression {{ " + expression + " }}");
            }
            List<Object> args = new ArrayList<>();
            String head = words.getFirst();
            boolean function = !(head.startsWith(".") || head.startsWith("\"") || head.startsWith("`") || head.matches("-?[0-9.]+"));
            for (String w : function ? words.subList(1, words.size()) : words) {
                args.add(value(w, params, missingKeyError));
            }
            if (!first) {
                args.add(v);
            }
            v = function ? call(head, args, expression) : args.getFirst();
            first = false;
        }
        return v == null ? "<no value>" : v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e6 ? String.valueOf(d.longValue()) : String.valueOf(v);
    }

    private static Object value(String word, Map<String, Object> params, boolean missingKeyError) {
        if (word.startsWith("\"") && word.endsWith("\"") && word.length() >= 2) {
            return word.substring(1, word.length() - 1).replace("\\\"", "\"");
        }
        if (word.startsWith("`") && word.endsWith("`")) {
            return word.substring(1, word.length() - 1);
        }
        if (word.matches("-?[0-9]+")) {
            return Long.parseLong(word);
        }
        if (word.equals(".")) {
            return params;
        }
        if (!word.startsWith(".")) {
            throw new ApplicationSets.Unsupported("template word " + word + " is not evaluated");
        }
        Object cur = params;
        for (String field : word.substring(1).split("\\.")) {
            if (!(cur instanceof Map<?, ?> m) || !m.containsKey(field)) {
                if (missingKeyError) {
                    throw new IllegalArgumentException("map has no entry for key \"" + field + "\" (missingkey=error)");
                }
                return null;
            }
            cur = m.get(field);
        }
        return cur;
    }

    private static Object call(String name, List<Object> args, String expression) {
        return switch (name) {
            case "index" -> {
                Object cur = args.getFirst();
                for (Object i : args.subList(1, args.size())) {
                    cur = cur instanceof List<?> l ? l.get(((Number) i).intValue()) : cur instanceof Map<?, ?> m ? m.get(String.valueOf(i)) : null;
                }
                yield cur;
            }
            case "default" -> empty(args.getLast()) ? args.getFirst() : args.getLast();
            case "lower" -> str(args.getLast()).toLowerCase(Locale.ROOT);
            case "upper" -> str(args.getLast()).toUpperCase(Locale.ROOT);
            case "title" -> {
                String s = str(args.getLast());
                yield s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
            }
            case "trim" -> str(args.getLast()).strip();
            case "trimPrefix" -> str(args.getLast()).startsWith(str(args.getFirst())) ? str(args.getLast()).substring(str(args.getFirst()).length()) : str(args.getLast());
            case "trimSuffix" -> str(args.getLast()).endsWith(str(args.getFirst()))
                    ? str(args.getLast()).substring(0, str(args.getLast()).length() - str(args.getFirst()).length()) : str(args.getLast());
            case "replace" -> str(args.getLast()).replace(str(args.get(0)), str(args.get(1)));
            case "quote" -> "\"" + str(args.getLast()) + "\"";
            case "squote" -> "'" + str(args.getLast()) + "'";
            case "toString" -> str(args.getLast());
            case "normalize" -> ApplicationSets.sanitize(str(args.getLast()));
            case "slugify" -> str(args.getLast()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
            case "printf" -> {
                String format = str(args.getFirst()).replace("%v", "%s").replace("%d", "%s");
                yield String.format(Locale.ROOT, format, args.subList(1, args.size()).stream().map(GoTemplates::str).toArray());
            }
            default -> throw new ApplicationSets.Unsupported("template function " + name + " in {{ " + expression + " }} is not evaluated");
        };
    }

    private static boolean empty(Object v) {
        return v == null || (v instanceof String s && s.isEmpty()) || Boolean.FALSE.equals(v) || (v instanceof Number n && n.doubleValue() == 0);
    }

    private static String str(Object v) {
        return v == null ? "" : v instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(v);
    }

    private static List<String> splitPipeline(String expression) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : expression.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '|' && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().strip());
        return out;
    }

    private static List<String> words(String stage) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (char c : stage.toCharArray()) {
            if (quote != 0) {
                cur.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
                cur.append(c);
            } else if (Character.isWhitespace(c)) {
                if (!cur.isEmpty()) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else if (c == '(' || c == ')') {
                throw new ApplicationSets.Unsupported("parenthesised template expressions are not evaluated: " + stage);
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        if (!out.isEmpty() && List.of("if", "else", "end", "range", "with", "define", "template", "block").contains(out.getFirst())) {
            throw new ApplicationSets.Unsupported("template action " + out.getFirst() + " is not evaluated");
        }
        return out;
    }
}
