package dev.strata.spec;

/** Where Argo CD reads the rendered tree; an empty url means Strata's in-cluster git server. */
public record GitSpec(String url, String branch, String path) {

    public boolean inCluster() {
        return url.isEmpty();
    }
}
