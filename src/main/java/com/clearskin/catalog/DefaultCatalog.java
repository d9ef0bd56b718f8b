package com.clearskin.catalog;

import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.platform.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default catalog that ships with Clearskin ({@code src/main/resources/catalog/}): read once at
 * start, checked, and never changed by a clinic. Each new clinic gets its own copy of it.
 */
@Service
public class DefaultCatalog {

    record Manifest(String version, List<String> treatments) {
    }

    record SourceRegister(List<Source> sources) {
    }

    private final String version;
    private final Map<String, Treatment> treatments;
    private final Map<String, Source> sources;

    DefaultCatalog(JsonMapper json) {
        Manifest manifest = read(json, "catalog/catalog.json", Manifest.class);
        this.version = manifest.version();
        Map<String, Source> register = new LinkedHashMap<>();
        read(json, "catalog/sources.json", SourceRegister.class).sources().forEach(s -> register.put(s.id(), s));
        register.put(Treatment.CLINIC_SOURCE, new Source(Treatment.CLINIC_SOURCE, "Set by the clinic", null, false, "The clinic's own practice"));
        this.sources = Map.copyOf(register);
        Map<String, Treatment> loaded = new LinkedHashMap<>();
        for (String code : manifest.treatments()) {
            Treatment treatment = read(json, "catalog/treatments/" + code + ".json", Treatment.class);
            requireValid(code, treatment);
            loaded.put(code, treatment);
        }
        this.treatments = loaded;
    }

    /** The default catalog read from the classpath, outside Spring (tests, benchmarks). */
    public static DefaultCatalog fromClasspath(JsonMapper json) {
        return new DefaultCatalog(json);
    }

    public String version() {
        return version;
    }

    /** Every default treatment, in catalog order. */
    public List<Treatment> all() {
        return List.copyOf(treatments.values());
    }

    public Optional<Treatment> find(String code) {
        return Optional.ofNullable(treatments.get(code));
    }

    public Treatment require(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("No treatment '" + code + "' in the catalog."));
    }

    public Map<String, Source> sources() {
        return sources;
    }

    private void requireValid(String code, Treatment treatment) {
        List<Violation> problems = new ArrayList<>(TreatmentValidation.check(treatment));
        if (!code.equals(treatment.code())) {
            problems.add(new Violation("code", "is '" + treatment.code() + "' in the file for '" + code + "'"));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Default catalog treatment " + code + " is invalid: " + problems);
        }
    }

    private static <T> T read(JsonMapper json, String path, Class<T> type) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
