package com.clearskin.hygiene;

import com.clearskin.clinics.Clinics;
import com.clearskin.directory.HygieneRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The clinic's sterilization record on its public profile, only when the clinic chose to show it
 * (sterilization settings): sterilizers in service and the last passing spore test, nothing about
 * clients, packages or recalls.
 */
@Component
class PublicHygieneRecord implements HygieneRecord {

    private final Clinics clinics;
    private final Hygiene hygiene;
    private final ClinicSterilizationSettings settings;

    PublicHygieneRecord(Clinics clinics, Hygiene hygiene, ClinicSterilizationSettings settings) {
        this.clinics = clinics;
        this.hygiene = hygiene;
        this.settings = settings;
    }

    @Override
    public Optional<Shown> forClinic(UUID clinicId) {
        return clinics.byIds(List.of(clinicId)).stream().findFirst()
                .filter(c -> settings.current(c).settings().showOnPublicProfile())
                .flatMap(c -> {
                    List<Hygiene.Sterilizer> all = hygiene.sterilizers(c);
                    if (all.isEmpty()) {
                        return Optional.empty();
                    }
                    List<Hygiene.Sterilizer> inService = all.stream().filter(Hygiene.Sterilizer::inService).toList();
                    Instant last = all.stream().map(Hygiene.Sterilizer::lastSporeTest).filter(Objects::nonNull)
                            .max(Instant::compareTo).orElse(null);
                    boolean upToDate = !inService.isEmpty() && inService.stream().noneMatch(Hygiene.Sterilizer::sporeTestOverdue);
                    return Optional.of(new Shown(all.size(), inService.size(), last, upToDate));
                });
    }
}
