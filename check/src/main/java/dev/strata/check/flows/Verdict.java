package dev.strata.check.flows;

import java.util.List;

/**
 * Whether a flow gets through, which policies decided it ({@code NetworkPolicy app/web (ingress)};
 * for a blocked flow, the first policy by name that isolates the side that refuses it), why in
 * words, and what had to be assumed on the way.
 */
public record Verdict(boolean allowed, List<Decider> decidedBy, String reason, List<String> notes) {

    public Verdict {
        decidedBy = List.copyOf(decidedBy);
        notes = List.copyOf(notes);
    }

    /** A policy that decided: its kind, namespace, name and the side it acted on. */
    public record Decider(String kind, String namespace, String name, String side) {
        public String display() {
            return kind + " " + namespace + "/" + name + (side.isEmpty() ? "" : " (" + side + ")");
        }
    }
}
