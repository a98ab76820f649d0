package dev.strata.check;

import java.util.regex.Pattern;

/**
 * Something that was not checked, with the reason: a non-YAML file, a Kustomize directory with no
 * kustomize binary, a chart calling {@code lookup}, an object with no schema, a rule that needs a
 * cluster model.
 */
public record Skipped(String what, String reason) {

    private static final Pattern UNRENDERED =
            Pattern.compile("(^|\\W)not (rendered|built|loaded|expanded)\\b");

    /**
     * A source whose objects are missing from the check because it could not be rendered here (a
     * chart not in the cache, a kustomization needing the network, a Flux path of another source):
     * said per Application in the summary and in JSON, since what it deploys was not checked.
     */
    public boolean unrendered() {
        return UNRENDERED.matcher(reason).find();
    }
}
