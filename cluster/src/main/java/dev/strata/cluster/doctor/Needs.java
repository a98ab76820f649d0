package dev.strata.cluster.doctor;

import dev.strata.catalog.Quantity;
import dev.strata.catalog.Resources;
import dev.strata.plan.Plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the platform needs from the machine, from its plan.
 *
 * @param requests          every pod's requests (Kubernetes' own, components, apps) plus what each node reserves
 * @param controlPlaneNodes how many control-plane nodes run
 * @param image             the app image archive up loads into kind, when the spec has apps on kind
 * @param images            the images the platform's pods run, when known (empty: not known yet)
 */
public record Needs(Resources requests, int controlPlaneNodes, Optional<Image> image, List<String> images) {

    public Needs(Resources requests, int controlPlaneNodes, Optional<Image> image) {
        this(requests, controlPlaneNodes, image, List.of());
    }

    /** With the images the platform runs (known once its charts were rendered), which doctor looks for in Docker's cache. */
    public Needs withImages(List<String> list) {
        return new Needs(requests, controlPlaneNodes, image, List.copyOf(list));
    }

    /**
     * What runs beyond its requests on a control-plane node: kubeadm gives the API server and the
     * controller manager CPU requests but no memory requests, and an idle API server with a
     * platform's CRDs and watches holds 300-500 MiB.
     */
    public static final Quantity CONTROL_PLANE_ALLOWANCE = Quantity.parse("512Mi");

    /**
     * The sample API image: the archive up loads, and whether this Strata checkout can build it
     * (Jib, no Docker daemon) when it is missing.
     */
    public record Image(Path archive, boolean buildable) {
    }

    public static Needs of(Plan plan, Optional<Image> image) {
        var c = plan.capacity();
        var spec = plan.spec().cluster();
        Resources reserved = new Resources(spec.reserved().cpu().times(spec.nodeCount()), spec.reserved().memory().times(spec.nodeCount()));
        int cp = (int) plan.facts().nodes().stream().filter(n -> n.controlPlane()).count();
        return new Needs(c.kubernetesRequests().plus(c.platformRequests()).plus(reserved), cp, image);
    }

    /** The memory the Docker engine must have: the requests and the control-plane allowance. */
    public Quantity memory() {
        return requests.memory().plus(CONTROL_PLANE_ALLOWANCE.times(controlPlaneNodes));
    }
}
