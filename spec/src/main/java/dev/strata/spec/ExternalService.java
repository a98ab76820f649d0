package dev.strata.spec;

/** A dependency outside the cluster (a database on the Docker network), reached through a selector-less Service. */
public record ExternalService(String name, String address, int port) {
}
