package dev.strata.check.load.argo;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** YAML (or JSON) as plain maps, lists and scalars: what generators and templates work on. */
final class Yaml {

    private Yaml() {
    }

    static Object read(String text) {
        try {
            return new Load(LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(50)
                    .setCodePointLimit(8 << 20).build()).loadFromString(text);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException("not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
