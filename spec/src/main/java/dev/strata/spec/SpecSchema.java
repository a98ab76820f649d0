package dev.strata.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON Schema of {@code platform.yaml}, for editors (yaml-language-server) and other tools. */
public final class SpecSchema {

    public static final String FILE_NAME = "platform.schema.json";

    private SpecSchema() {
    }

    public static String text() {
        try (InputStream in = SpecSchema.class.getResourceAsStream("/dev/strata/spec/platform.schema.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
