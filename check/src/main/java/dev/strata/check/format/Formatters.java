package dev.strata.check.format;

import dev.strata.check.CheckException;
import dev.strata.check.RuleInfo;
import java.util.List;

/** Formatter by name: text, json, sarif, junit. */
public final class Formatters {

    public static final List<String> NAMES = List.of("text", "json", "sarif", "junit");

    private Formatters() {
    }

    /**
     * @param color whether text output may use ANSI colours (the CLI sets it for a terminal)
     * @param rules rule metadata for SARIF's tool.driver.rules
     */
    public static ReportFormatter named(String name, boolean color, List<RuleInfo> rules) {
        return switch (name) {
            case "text" -> new TextFormatter(color);
            case "json" -> new JsonFormatter();
            case "sarif" -> new SarifFormatter(rules);
            case "junit" -> new JunitFormatter();
            default -> throw new CheckException("unknown output format \"" + name + "\"; known: "
                    + String.join(", ", NAMES));
        };
    }
}
