package dev.strata.cli;

import dev.strata.spec.SpecSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of platform.yaml (editors use it to complete and check the spec).",
        footer = {"", "Example:", "  strata schema > platform.schema.json"})
final class SchemaCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(SpecSchema.text());
        spec.commandLine().getOut().flush();
        return Strata.OK;
    }
}
