package dev.strata.cluster.up;

import dev.strata.cluster.ClusterException;

import java.util.Optional;

/** A cluster Strata did not create: the current kubeconfig context, used after the user confirms it. */
public final class ExistingProvisioner implements Provisioner {

    @Override
    public String describe() {
        return "the existing cluster of the current kubeconfig context";
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public String create(UpContext ctx) {
        String where = ctx.kube().describe();
        if (!ctx.options().yes() && !ctx.seams().confirm().ask("Install the platform into " + where + "?")) {
            throw new ClusterException("not confirmed: nothing was installed into " + where
                    + "; run with --yes to skip the question (needed when there is no terminal)");
        }
        return where;
    }

    @Override
    public void delete() {
        throw new IllegalStateException("an existing cluster is never deleted; down removes what Strata installed");
    }

    @Override
    public Optional<String> kubeContext() {
        return Optional.empty();
    }

    @Override
    public boolean owned() {
        return false;
    }
}
