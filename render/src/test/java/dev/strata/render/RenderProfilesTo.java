package dev.strata.render;

import dev.strata.spec.SpecLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Run in a second JVM by {@link DeterminismIT}: renders each profile named into {@code DIR/<profile>/}. */
public final class RenderProfilesTo {

    private RenderProfilesTo() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            RenderedTree tree = Renderer.bundled().render(SpecLoader.bundled().profile(args[i]));
            for (Map.Entry<String, String> e : tree.files().entrySet()) {
                Path f = out.resolve(args[i]).resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
            }
        }
    }
}
