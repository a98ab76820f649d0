package dev.strata.sample;

import java.util.HashMap;
import java.util.Map;

import dev.strata.sample.config.AppConfig;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/** Builds an {@link AppConfig} from key/value pairs, on a free port and loopback only. */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static AppConfig of(Map<String, String> values) {
        Map<String, String> all = new HashMap<>();
        all.put("host", "127.0.0.1");
        all.put("port", "0");
        all.put("shutdown.grace.ms", "2000");
        all.putAll(values);
        return AppConfig.from(Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(all))
                .build());
    }
}
