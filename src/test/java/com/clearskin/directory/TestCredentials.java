package com.clearskin.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A stand-in for the licences module in tests: answers only for the clinics a test gave
 * credentials to, nothing for any other (as if no licence were on file).
 */
@Component
public class TestCredentials implements PractitionerCredentials {

    private final Map<UUID, Map<UUID, List<Credential>>> byClinic = new ConcurrentHashMap<>();

    public void give(UUID clinic, UUID practitioner, Standing standing) {
        byClinic.computeIfAbsent(clinic, k -> new ConcurrentHashMap<>()).put(practitioner, List.of(
                new Credential("esthetician", "Esthetician", "US-NY", LocalDate.now().plusYears(1), standing)));
    }

    @Override
    public Map<UUID, List<Credential>> forClinic(UUID clinicId, LocalDate today) {
        return Map.copyOf(byClinic.getOrDefault(clinicId, Map.of()));
    }
}
