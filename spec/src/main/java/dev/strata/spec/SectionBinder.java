package dev.strata.spec;

import dev.strata.catalog.Quantity;
import dev.strata.catalog.Resources;
import dev.strata.spec.yaml.Problems;
import dev.strata.spec.yaml.YamlMap;
import dev.strata.yaml.tree.YNode;
import java.util.regex.Pattern;

/**
 * What the binder of each section of the spec shares: the problems collected so far (every one is
 * kept, in the order found) and the checks of names, labels and quantities.
 */
abstract class SectionBinder {

    static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    static final Pattern LABEL_KEY = Pattern.compile("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$");
    static final Pattern LABEL_VALUE = Pattern.compile("^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$");

    final Problems problems;

    SectionBinder(Problems problems) {
        this.problems = problems;
    }

    final void dnsLabel(YNode at, String path, String value) {
        if (value.length() > 63 || !DNS_LABEL.matcher(value).matches()) {
            problems.add(at, path, "\"" + value + "\" is not a valid name; use up to 63 lowercase letters, digits and -, starting and ending with a letter or digit");
        }
    }

    final Resources resources(YamlMap r, Resources defaults) {
        Quantity cpu = r.quantity("cpu", "cpu").orElse(defaults.cpu());
        Quantity memory = r.quantity("memory", "memory").orElse(defaults.memory());
        r.done();
        return new Resources(cpu, memory);
    }
}
