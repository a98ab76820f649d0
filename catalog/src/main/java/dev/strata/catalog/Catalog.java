package dev.strata.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The components Strata can compose, by id. Immutable; {@link #bundled()} is the one in the jar. */
public final class Catalog {

    static final String ROOT = "/dev/strata/catalog/components/";
    private static volatile Catalog bundled;

    private final Map<String, Component> components;

    private Catalog(Map<String, Component> components) {
        this.components = components;
    }

    /** The catalog bundled with Strata, loaded once. */
    public static Catalog bundled() {
        Catalog c = bundled;
        if (c == null) {
            synchronized (Catalog.class) {
                if (bundled == null) {
                    bundled = load();
                }
                c = bundled;
            }
        }
        return c;
    }

    public static Catalog of(Collection<Component> entries) {
        Map<String, Component> map = new LinkedHashMap<>();
        for (Component c : entries) {
            if (map.put(c.id(), c) != null) {
                throw new CatalogException("catalog entry " + c.id() + " is defined twice");
            }
        }
        return new Catalog(Map.copyOf(map));
    }

    private static Catalog load() {
        ObjectMapper yaml = mapper();
        List<String> ids = readIndex();
        Map<String, Component> map = new LinkedHashMap<>();
        for (String id : ids) {
            String resource = ROOT + id + ".yaml";
            try (InputStream in = Catalog.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new CatalogException("loading catalog entry " + id + ": " + resource + " is listed in index.txt but missing");
                }
                Component c = yaml.readValue(in, Component.class);
                if (!id.equals(c.id())) {
                    throw new CatalogException("loading catalog entry " + id + ": its id is \"" + c.id() + "\"; the id must equal the file name");
                }
                map.put(id, c);
            } catch (JsonMappingException e) {
                throw new CatalogException("loading catalog entry " + id + ": " + e.getOriginalMessage() + " at " + path(e), e);
            } catch (IOException e) {
                throw new CatalogException("loading catalog entry " + id + ": " + e.getMessage(), e);
            }
        }
        return new Catalog(Map.copyOf(map));
    }

    static ObjectMapper mapper() {
        return new ObjectMapper(new YAMLFactory())
                .registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .findAndRegisterModules();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    static List<String> readIndex() {
        try (InputStream in = Catalog.class.getResourceAsStream(ROOT + "index.txt")) {
            if (in == null) {
                throw new CatalogException("the catalog index " + ROOT + "index.txt is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Component> find(String id) {
        return Optional.ofNullable(components.get(id));
    }

    public Component get(String id) {
        return find(id).orElseThrow(() -> new CatalogException("no catalog entry " + id));
    }

    public boolean contains(String id) {
        return components.containsKey(id);
    }

    /** All entries, sorted by id. */
    public List<Component> all() {
        return components.values().stream().sorted(Comparator.comparing(Component::id)).toList();
    }

    public List<String> ids() {
        return all().stream().map(Component::id).toList();
    }
}
