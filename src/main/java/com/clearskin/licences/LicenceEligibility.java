package com.clearskin.licences;

import com.clearskin.booking.PractitionerEligibility;
import com.clearskin.clinics.Clinic;
import com.clearskin.resources.Requirement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who may be booked, by their licences ({@link LicenceRules#bar}): booking asks once per search and
 * once per booking. The clinic's licences and setting are read in two statements and kept for a
 * second; any change on this instance forgets them at once.
 */
@Component
class LicenceEligibility implements PractitionerEligibility {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private record Known(boolean verificationRequired, Map<UUID, List<LicenceRules.Fact>> facts, Instant until) {
    }

    private final Licences licences;
    private final ClinicLicenceSettings settings;
    private final Clock clock;
    private final Map<UUID, Known> known = new ConcurrentHashMap<>();

    LicenceEligibility(Licences licences, ClinicLicenceSettings settings, Clock clock) {
        this.licences = licences;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Map<UUID, Restriction> restrictions(Clinic clinic, Requirement requirement, Collection<UUID> practitioners,
            LocalDate from) {
        Known k = known(clinic);
        Map<UUID, Restriction> restricted = new HashMap<>();
        for (UUID practitioner : practitioners) {
            LicenceRules.bar(k.facts().getOrDefault(practitioner, List.of()), requirement.performers(),
                    k.verificationRequired())
                    .ifPresent(bar -> restricted.put(practitioner,
                            new Restriction(bar.lastBookableDay(), bar.rule(), bar.reason())));
        }
        return restricted;
    }

    private Known known(Clinic clinic) {
        Instant now = clock.instant();
        Known k = known.get(clinic.id());
        if (k == null || !now.isBefore(k.until())) {
            boolean required = settings.current(clinic).settings().verificationRequired();
            k = new Known(required, licences.factsOfClinic(clinic), now.plus(FRESH));
            known.put(clinic.id(), k);
        }
        return k;
    }

    @EventListener
    void onChange(LicencesChanged event) {
        known.remove(event.clinicId());
    }
}
