package dev.strata.spec;

import dev.strata.spec.yaml.Problems;
import dev.strata.spec.yaml.YamlMap;

/** Binds {@code spec.git}: where Argo CD reads the tree (empty url: the in-cluster git server). */
final class GitBinder extends SectionBinder {

    GitBinder(Problems problems) {
        super(problems);
    }

    GitSpec bind(YamlMap g) {
        String url = g.string("url").orElse("");
        if (!url.isEmpty() && !(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("ssh://") || url.startsWith("git@") || url.startsWith("file://"))) {
            problems.add(g.node("url").orElseThrow(), g.pathOf("url"), "\"" + url + "\" is not a git URL; use https://..., ssh://... or git@host:org/repo.git, or leave it empty for the in-cluster git server");
        }
        String branch = g.string("branch").orElse("main");
        if (branch.isBlank() || branch.contains(" ") || branch.contains("..")) {
            problems.add(g.node("branch").orElse(g.node()), g.pathOf("branch"), "\"" + branch + "\" is not a branch name");
        }
        String path = g.string("path").orElse("");
        if (path.startsWith("/") || path.contains("..")) {
            problems.add(g.node("path").orElseThrow(), g.pathOf("path"), "\"" + path + "\" must be a relative path inside the repository");
        }
        g.done();
        return new GitSpec(url, branch, path);
    }
}
