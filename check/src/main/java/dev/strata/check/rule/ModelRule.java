package dev.strata.check.rule;

import dev.strata.check.ClusterModel;
import dev.strata.check.ObjectRef;
import dev.strata.check.Severity;
import dev.strata.check.graph.ResourceGraph;
import java.util.Optional;

/**
 * A rule on the platform as a whole rather than on one object (capacity, components that do
 * nothing): run once with the cluster model. A finding that names an object in the input is reported
 * on it; otherwise on the platform.yaml the model came from.
 */
public interface ModelRule {

    void checkModel(ClusterModel model, ResourceGraph graph, Reporter reporter);

    /** Where a model rule reports. */
    interface Reporter {
        void report(Optional<ObjectRef> object, Severity severity, String message);
    }
}
