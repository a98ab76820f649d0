package dev.strata.cluster.kube;

import java.util.Map;

/** A node: name, readiness and labels (the tier label among them). */
public record NodeStatus(String name, boolean ready, Map<String, String> labels, String internalIp) {
}
