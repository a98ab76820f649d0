package dev.strata.render.gitops;

import dev.strata.catalog.Release;
import dev.strata.plan.ResolvedComponent;

/** Where things live in the rendered tree. */
public final class Layout {

    public static final String ARGO_CD = "argo-cd";

    private Layout() {
    }

    /** Values of a Helm release; Argo CD's are the bootstrap's install values. */
    public static String valuesFile(ResolvedComponent rc, Release r) {
        if (rc.id().equals(ARGO_CD)) {
            return "bootstrap/argo-cd/values.yaml";
        }
        return "platform/" + rc.entry().layer().id() + "/" + r.name() + "/values.yaml";
    }

    public static String configDir(String bundle) {
        return "platform/config/" + bundle;
    }

    public static final String NAMESPACES_DIR = "platform/namespaces";

    public static String overlayDir(String app, String env) {
        return "apps/" + app + "/overlays/" + env;
    }
}
