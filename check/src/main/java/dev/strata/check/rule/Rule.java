package dev.strata.check.rule;

import dev.strata.check.RuleInfo;
import dev.strata.check.graph.Resource;

/**
 * A check on one object. It reports only on the object it is given, but may read the whole graph
 * through the context. Metadata lives in {@link #info()}, beside the code.
 */
public interface Rule {

    RuleInfo info();

    void check(Resource object, RuleContext context);

    /** Rules that need a cluster model are skipped (and counted) when there is none. */
    default boolean needsClusterModel() {
        return false;
    }

    /** Rules whose findings come from the loader (YAML syntax); the engine never calls check. */
    default boolean reportedByLoader() {
        return false;
    }
}
