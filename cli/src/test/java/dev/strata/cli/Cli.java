package dev.strata.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures what a user would see. */
record Cli(int exit, String out, String err) {

    /** kind-lab with its worker shrunk to 1 CPU / 1 GiB: valid, but the platform does not fit. */
    static java.nio.file.Path tooSmallKindLab(java.nio.file.Path dir) throws java.io.IOException {
        return java.nio.file.Files.writeString(dir.resolve("platform.yaml"), """
                apiVersion: strata.dev/v1alpha1
                kind: Platform
                metadata: {name: tight}
                spec:
                  profile: kind-lab
                  cluster:
                    nodes:
                      - {name: control-plane, role: control-plane, capacity: {cpu: "2", memory: 4Gi}}
                      - {name: worker, role: worker, tier: platform, capacity: {cpu: "1", memory: 1Gi}}
                """);
    }

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Strata.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(code, out.toString(), err.toString());
    }
}
