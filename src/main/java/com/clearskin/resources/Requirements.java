package com.clearskin.resources;

import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.catalog.Performer;
import com.clearskin.catalog.Treatment;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.InvalidInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What one booking of a clinic's treatment needs. The session length is the clinic catalog's
 * typical duration; buffers, room capabilities and device types come from treatment_requirement;
 * who may perform it is the scope of practice of the clinic's jurisdiction when the catalog lists
 * it, else every professional at or above the treatment's least qualified performer. A treatment
 * without a requirement row, marked not bookable, or inactive in the catalog cannot be booked: a
 * 400 naming {@code treatment}.
 */
@Service
public class Requirements {

    private final JdbcClient jdbc;
    private final ClinicCatalog catalog;
    /** Duration and performers per clinic, treatment and catalog revision (parsing the catalog JSON is the costly part). */
    private final Map<Key, Facts> facts = new ConcurrentHashMap<>();

    Requirements(JdbcClient jdbc, ClinicCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    private record Key(UUID clinic, String code, int revision) {
    }

    private record Facts(int durationMinutes, Set<Performer> performers) {
    }

    private record Row(ScheduleSettings settings, Integer treatmentRevision, boolean treatmentActive, Boolean bookable,
            Set<String> roomCapabilities, List<String> deviceTypes, int bufferBefore, int bufferAfter) {
    }

    /** The requirement of booking {@code treatment} at the clinic; 400 on {@code treatment} when it cannot be booked. */
    public Requirement of(Clinic clinic, String treatment) {
        return terms(clinic, treatment).requirement();
    }

    /** The clinic's booking settings and the treatment's requirement, read in one statement. */
    public BookingTerms terms(Clinic clinic, String treatment) {
        if (treatment == null || treatment.isBlank()) {
            throw new InvalidInputException("treatment", "is required");
        }
        String code = treatment.strip();
        Row row = jdbc.sql("""
                select cs.slot_minutes, cs.min_notice_minutes, cs.horizon_days, cs.client_cancel_hours,
                       cs.waitlist_offer_minutes, cs.revision,
                       ct.revision as treatment_revision, ct.active as treatment_active,
                       tr.bookable, tr.room_capabilities, tr.device_types, tr.buffer_before_minutes,
                       tr.buffer_after_minutes
                from (select 1) as k
                left join clinic_schedule cs on cs.clinic_id = :clinic
                left join clinic_treatment ct on ct.clinic_id = :clinic and ct.code = :code
                left join treatment_requirement tr on tr.clinic_id = :clinic and tr.treatment_code = :code""")
                .param("clinic", clinic.id()).param("code", code)
                .query(Requirements::row).single();
        if (row.treatmentRevision() == null) {
            throw new InvalidInputException("treatment", "'" + code + "' is not a treatment of " + clinic.name());
        }
        if (!row.treatmentActive() || row.bookable() == null || !row.bookable()) {
            throw new InvalidInputException("treatment", "'" + code + "' cannot be booked at " + clinic.name());
        }
        Facts f = facts.computeIfAbsent(new Key(clinic.id(), code, row.treatmentRevision()),
                k -> factsOf(clinic, catalog.require(clinic, code)));
        return new BookingTerms(row.settings(), new Requirement(code, f.durationMinutes(), row.bufferBefore(),
                row.bufferAfter(), f.performers(), row.roomCapabilities(), row.deviceTypes()));
    }

    private static Facts factsOf(Clinic clinic, ClinicTreatment clinicTreatment) {
        Treatment t = clinicTreatment.treatment();
        return new Facts(t.duration().typicalMinutes(), performers(t.qualification(), clinic.jurisdiction()));
    }

    /**
     * Who may perform a treatment in a jurisdiction: the catalog's scope of practice there when it
     * lists the jurisdiction, else every performer at or above the least qualified; never the client.
     */
    static Set<Performer> performers(Treatment.Qualification qualification, String jurisdiction) {
        Set<Performer> performers = EnumSet.noneOf(Performer.class);
        if (qualification == null) {
            return performers;
        }
        for (Treatment.Scope scope : qualification.scope()) {
            if (jurisdiction != null && jurisdiction.equalsIgnoreCase(scope.jurisdiction())) {
                performers.addAll(scope.performers());
                performers.remove(Performer.SELF);
                return performers;
            }
        }
        Performer minimum = qualification.minimum() == null ? Performer.ESTHETICIAN : qualification.minimum();
        Arrays.stream(Performer.values()).filter(p -> p.compareTo(minimum) >= 0).forEach(performers::add);
        performers.remove(Performer.SELF);
        return performers;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Integer revision = (Integer) rs.getObject("treatment_revision");
        Boolean bookable = (Boolean) rs.getObject("bookable");
        List<String> devices = bookable == null ? List.of() : new ArrayList<>(ResourceSnapshots.texts(rs.getArray("device_types")));
        return new Row(ResourceSnapshots.settings(rs), revision, rs.getBoolean("treatment_active"), bookable,
                bookable == null ? Set.of() : ResourceSnapshots.texts(rs.getArray("room_capabilities")), devices,
                rs.getInt("buffer_before_minutes"), rs.getInt("buffer_after_minutes"));
    }
}
