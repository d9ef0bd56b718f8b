package com.clearskin.hygiene;

import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ConflictException;
import com.clearskin.sessions.SigningCheck;
import com.clearskin.sessions.TreatmentSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A session whose treatment needs instruments ({@link InstrumentNeeds}, from the catalog's equipment
 * codes) is not signed until they are recorded: a sterile package where it needs one, a single-use
 * product and lot where it needs one. 409 {@code instruments-missing} naming what is missing.
 */
@Component
class InstrumentsRecordedCheck implements SigningCheck {

    private final ClinicCatalog catalog;
    private final InstrumentNeeds needs;
    private final Hygiene hygiene;

    InstrumentsRecordedCheck(ClinicCatalog catalog, InstrumentNeeds needs, Hygiene hygiene) {
        this.catalog = catalog;
        this.needs = needs;
        this.hygiene = hygiene;
    }

    @Override
    public void beforeSigning(Clinic clinic, TreatmentSession session) {
        List<String> missing = missing(clinic, session);
        if (!missing.isEmpty()) {
            throw new ConflictException("instruments-missing", "Record the instruments used before signing: "
                    + describe(missing) + ".", Map.of("missing", missing));
        }
    }

    /** What the session's treatment needs ({@link InstrumentNeeds}); empty when it needs no instruments. */
    Set<String> needed(Clinic clinic, TreatmentSession session) {
        List<String> equipment = catalog.find(clinic, session.treatment()).map(t -> t.treatment().equipment()).orElse(List.of());
        return needs.needs(equipment);
    }

    /** In words: "a sterile package's code and a single-use product and lot". */
    static String describe(List<String> missing) {
        return String.join(" and ", missing.stream().map(m -> m.equals(InstrumentNeeds.STERILE_PACKAGE)
                ? "a sterile package's code" : "a single-use product and lot").toList());
    }

    /** What is still to be recorded before the session may be signed. */
    List<String> missing(Clinic clinic, TreatmentSession session) {
        Set<String> need = needed(clinic, session);
        if (need.isEmpty()) {
            return List.of();
        }
        List<Hygiene.Use> uses = hygiene.uses(clinic, session.id());
        List<String> missing = new ArrayList<>();
        if (need.contains(InstrumentNeeds.STERILE_PACKAGE) && uses.stream().noneMatch(u -> u.packageId() != null)) {
            missing.add(InstrumentNeeds.STERILE_PACKAGE);
        }
        if (need.contains(InstrumentNeeds.SINGLE_USE) && uses.stream().noneMatch(u -> u.product() != null)) {
            missing.add(InstrumentNeeds.SINGLE_USE);
        }
        return missing;
    }
}
