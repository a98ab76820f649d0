package dev.strata.check.flows;

import java.util.Locale;

/**
 * A destination port of a flow: its number, the container port's name when there is one ("" when
 * not), and its protocol (TCP unless a port says otherwise, as Kubernetes defaults it). Number 0
 * stands for every port (an egress rule without ports).
 */
public record Port(long number, String name, String protocol) {

    public static final long ANY = 0;

    public Port {
        protocol = protocol.isEmpty() ? "TCP" : protocol.toUpperCase(Locale.ROOT);
    }

    public static Port tcp(long number) {
        return new Port(number, "", "TCP");
    }

    public boolean any() {
        return number == ANY;
    }

    /** {@code TCP 8080}, {@code UDP 53}, {@code TCP *}. */
    public String display() {
        return protocol + " " + (any() ? "*" : Long.toString(number));
    }
}
