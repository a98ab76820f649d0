package dev.strata.check.flows;

/**
 * Traffic the tree implies: from a peer to a peer on a port, of a kind (gateway, prometheus, dns,
 * external, webhook), because of an object ({@code via}).
 */
public record Flow(String kind, Peer from, Peer to, Port port, Via via) {
}
