package dev.strata.check.rule;

import dev.strata.check.ClusterModel;
import dev.strata.check.Severity;
import dev.strata.check.graph.ResourceGraph;
import java.util.Optional;

/** What a rule can see and how it reports. */
public interface RuleContext {

    ResourceGraph graph();

    Optional<ClusterModel> clusterModel();

    /** Reports a finding at the object's line with the rule's severity. */
    void report(String message);

    /** Reports a finding at a line of the object's file. */
    void report(int line, String message);

    /** Reports with an explicit severity (used by the reference policy to downgrade). */
    void report(int line, String message, Severity severity);

    /** Records that this object was not checked by the rule, with the reason (counted as skipped). */
    void skip(String reason);
}
