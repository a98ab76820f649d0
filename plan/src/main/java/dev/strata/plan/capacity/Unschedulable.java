package dev.strata.plan.capacity;

/** A pod no node can take, with the scheduler-style reason. */
public record Unschedulable(PodRequest pod, String reason) {

    @Override
    public String toString() {
        return "pod " + pod.name() + " (" + pod.namespace() + "): " + reason;
    }
}
