package dev.strata.cluster.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a curl in a probe pod ended. The probe script prints {@code STRATA_CODE=<http code>} (via
 * curl's {@code -w}) and {@code STRATA_EXIT=<curl exit code>}; everything else is the body and
 * curl's verbose lines. Exit codes that matter: 0 ok, 7 connection refused, 28 timed out,
 * 35 TLS handshake failed, 52 empty reply, 56 connection reset while receiving.
 */
public record CurlOutcome(int exit, OptionalInt httpCode, String body, List<String> verbose) {

    public static final int REFUSED = 7;
    public static final int TIMEOUT = 28;
    public static final int TLS = 35;
    public static final int EMPTY_REPLY = 52;
    public static final int RESET = 56;
    private static final Pattern EXIT = Pattern.compile("STRATA_EXIT=(\\d+)");
    private static final Pattern CODE = Pattern.compile("STRATA_CODE=(\\d{3})");

    /** A shell line that runs curl with {@code args} and prints the markers. */
    public static String script(String args) {
        return "curl -sS -w '\\nSTRATA_CODE=%{http_code}\\n' " + args + "; echo STRATA_EXIT=$?";
    }

    public static CurlOutcome parse(String log) {
        Matcher e = EXIT.matcher(log);
        int exit = -1;
        while (e.find()) {
            exit = Integer.parseInt(e.group(1));
        }
        Matcher c = CODE.matcher(log);
        OptionalInt code = OptionalInt.empty();
        while (c.find()) {
            int v = Integer.parseInt(c.group(1));
            code = v == 0 ? OptionalInt.empty() : OptionalInt.of(v);
        }
        StringBuilder body = new StringBuilder();
        List<String> verbose = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.startsWith("STRATA_")) {
                continue;
            }
            if (line.startsWith("* ") || line.startsWith("> ") || line.startsWith("< ") || line.startsWith("curl: ")) {
                verbose.add(line);
            } else {
                body.append(line).append('\n');
            }
        }
        return new CurlOutcome(exit, code, body.toString().strip(), verbose);
    }

    /** One line for evidence: {@code HTTP 403} or {@code curl exit 28 (timed out)}. */
    public String describe() {
        if (exit == 0 && httpCode.isPresent()) {
            return "HTTP " + httpCode.getAsInt();
        }
        String why = switch (exit) {
            case REFUSED -> "connection refused";
            case TIMEOUT -> "timed out";
            case TLS -> "TLS handshake failed";
            case EMPTY_REPLY -> "empty reply: the server closed the connection";
            case RESET -> "connection reset";
            case -1 -> "the probe printed no result";
            default -> "failed";
        };
        String err = verbose.stream().filter(l -> l.startsWith("curl: ")).findFirst().map(l -> "; " + l).orElse("");
        return "curl exit " + exit + " (" + why + ")" + err;
    }
}
