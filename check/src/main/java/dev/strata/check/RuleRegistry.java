package dev.strata.check;

import dev.strata.check.rule.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An explicit list of rules; duplicate ids fail at construction. */
public final class RuleRegistry {

    private final Map<String, Rule> rules = new LinkedHashMap<>();

    public RuleRegistry(Collection<? extends Rule> rules) {
        for (Rule rule : rules) {
            Rule previous = this.rules.putIfAbsent(rule.info().id(), rule);
            if (previous != null) {
                throw new CheckException("duplicate rule id \"" + rule.info().id() + "\": "
                        + previous.getClass().getName() + " and " + rule.getClass().getName());
            }
        }
    }

    /** Every built-in rule. */
    public static RuleRegistry standard() {
        return new RuleRegistry(StandardRules.all());
    }

    public List<Rule> rules() {
        return List.copyOf(rules.values());
    }

    public List<RuleInfo> infos() {
        List<RuleInfo> out = new ArrayList<>();
        for (Rule r : rules.values()) {
            out.add(r.info());
        }
        return out;
    }

    public Optional<Rule> find(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** Fails with the list of close ids when an id is unknown. */
    public Rule require(String id) {
        Rule rule = rules.get(id);
        if (rule == null) {
            List<String> close = rules.keySet().stream()
                    .filter(k -> k.contains(id) || id.contains(k) || k.split("-")[0].equals(id.split("-")[0]))
                    .limit(5).toList();
            throw new CheckException("unknown rule \"" + id + "\""
                    + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                    + " (list them with --list-rules)");
        }
        return rule;
    }
}
