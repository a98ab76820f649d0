package dev.strata.check.flows;

import dev.strata.check.graph.ResourceGraph;
import java.util.List;

/** Flows one kind of object in the tree implies (routes, monitors, webhooks...). */
interface FlowSource {

    List<Flow> flows(ResourceGraph graph);
}
