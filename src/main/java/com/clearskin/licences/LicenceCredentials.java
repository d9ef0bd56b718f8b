package com.clearskin.licences;

import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.directory.PractitionerCredentials;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the public directory shows of the clinic's licences: type, jurisdiction, expiry and where
 * each stands on the day, never the number or the document.
 */
@Component
class LicenceCredentials implements PractitionerCredentials {

    private final Licences licences;
    private final Clinics clinics;

    LicenceCredentials(Licences licences, Clinics clinics) {
        this.licences = licences;
        this.clinics = clinics;
    }

    @Override
    public Map<UUID, List<Credential>> forClinic(UUID clinicId, LocalDate today) {
        Map<UUID, List<Credential>> byPractitioner = new HashMap<>();
        Clinic clinic = clinics.byId(clinicId).orElse(null);
        if (clinic == null) {
            return byPractitioner;
        }
        for (Licence l : licences.forClinic(clinic)) {
            byPractitioner.computeIfAbsent(l.practitionerId(), k -> new ArrayList<>()).add(new Credential(l.type().code(),
                    l.type().label(), l.jurisdiction(), l.expiresOn(), standing(l, today)));
        }
        return byPractitioner;
    }

    /** Expired once past its date, whatever the review; else where the review stands. */
    static Standing standing(Licence licence, LocalDate today) {
        if (LicenceRules.expired(licence.fact(), today)) {
            return Standing.EXPIRED;
        }
        return switch (licence.review()) {
            case VERIFIED -> Standing.VERIFIED;
            case REJECTED -> Standing.REJECTED;
            case PENDING -> Standing.PENDING;
        };
    }
}
