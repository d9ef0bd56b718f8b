package com.clearskin.hygiene;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which catalog equipment codes need instruments recorded at the session, as data
 * ({@code hygiene/instrument-needs.json}): {@value #STERILE_PACKAGE} (reusable instruments from a
 * sterilized package) or {@value #SINGLE_USE} (a single-use product and lot).
 */
@Component
public class InstrumentNeeds {

    public static final String STERILE_PACKAGE = "sterile-package";
    public static final String SINGLE_USE = "single-use";

    private final Map<String, String> byEquipment;

    InstrumentNeeds(JsonMapper json) {
        this.byEquipment = load(json);
    }

    /** What a treatment with these equipment codes needs recorded, empty when nothing. */
    public Set<String> needs(Collection<String> equipment) {
        Set<String> out = new LinkedHashSet<>();
        for (String code : equipment) {
            String need = byEquipment.get(code);
            if (need != null) {
                out.add(need);
            }
        }
        return out;
    }

    private static Map<String, String> load(JsonMapper json) {
        try (InputStream in = InstrumentNeeds.class.getResourceAsStream("/hygiene/instrument-needs.json")) {
            if (in == null) {
                throw new IllegalStateException("hygiene/instrument-needs.json is missing");
            }
            JsonNode root = json.readTree(in);
            Map<String, String> map = new TreeMap<>();
            for (String key : root.propertyNames()) {
                if (!key.startsWith("_")) {
                    String need = root.get(key).asString();
                    if (!STERILE_PACKAGE.equals(need) && !SINGLE_USE.equals(need)) {
                        throw new IllegalStateException("instrument-needs.json: unknown need " + need + " for " + key);
                    }
                    map.put(key, need);
                }
            }
            return Map.copyOf(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
