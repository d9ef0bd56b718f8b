package com.clearskin.portal;

import com.clearskin.assessment.AssessmentJson;
import com.clearskin.booking.Appointment;
import com.clearskin.booking.AppointmentStatus;
import com.clearskin.booking.Appointments;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.ClinicTreatment;
import com.clearskin.catalog.Treatment;
import com.clearskin.clients.Client;
import com.clearskin.clients.ClientAssessments;
import com.clearskin.clinics.Clinic;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Gathers everything the clinic holds about a client, for the client's download and their portal. */
@Service
public class ClientDataExport {

    private final ClientAssessments assessments;
    private final Appointments appointments;
    private final ClinicCatalog catalog;
    private final Erasures erasures;
    private final Clock clock;

    ClientDataExport(ClientAssessments assessments, Appointments appointments, ClinicCatalog catalog,
            Erasures erasures, Clock clock) {
        this.assessments = assessments;
        this.appointments = appointments;
        this.catalog = catalog;
        this.erasures = erasures;
        this.clock = clock;
    }

    public ClientData of(Clinic clinic, Client client) {
        ZoneId zone = clinic.timeZone();
        Map<String, Treatment> treatments = treatments(clinic);
        List<Appointment> theirs = appointments.forClient(clinic, client.id()).stream()
                .sorted(Comparator.comparing(Appointment::start)).toList();
        return new ClientData(Instant.now(clock), clinic.name(), zone.getId(),
                new ClientData.Person(client.id(), client.firstName(), client.lastName(), client.email(),
                        client.phone(), client.dateOfBirth(), client.createdAt()),
                assessments.history(clinic, client).stream()
                        .map(r -> new ClientData.AssessmentEntry(r.id(), local(r.recordedAt(), zone),
                                r.recordedByName(), AssessmentJson.toMap(r.assessment())))
                        .toList(),
                theirs.stream().map(a -> new ClientData.AppointmentEntry(a.id(), a.treatment(),
                        name(treatments, a.treatment()), local(a.start(), zone), local(a.end(), zone),
                        a.status().code())).toList(),
                erasures.forClient(clinic, client.id()).stream()
                        .map(e -> new ClientData.ErasureEntry(e.id(), local(e.requestedAt(), zone), e.status().code(),
                                e.decision()))
                        .toList(),
                care(treatments, theirs));
    }

    /** Before- and aftercare for each treatment the client has booked or had (not cancelled). */
    public List<ClientData.CareInstructions> care(Clinic clinic, List<Appointment> theirs) {
        return care(treatments(clinic), theirs);
    }

    private static List<ClientData.CareInstructions> care(Map<String, Treatment> treatments, List<Appointment> theirs) {
        Map<String, ClientData.CareInstructions> byTreatment = new LinkedHashMap<>();
        theirs.stream().filter(a -> a.status() != AppointmentStatus.CANCELLED)
                .sorted(Comparator.comparing(Appointment::start).reversed())
                .forEach(a -> Optional.ofNullable(treatments.get(a.treatment())).ifPresent(t ->
                        byTreatment.computeIfAbsent(t.code(), code -> new ClientData.CareInstructions(code, t.name(),
                                t.beforeCare().stream().map(Treatment.CareNote::text).toList(),
                                t.aftercare().stream().map(Treatment.CareNote::text).toList()))));
        return List.copyOf(byTreatment.values());
    }

    private Map<String, Treatment> treatments(Clinic clinic) {
        Map<String, Treatment> byCode = new LinkedHashMap<>();
        catalog.list(clinic).stream().map(ClinicTreatment::treatment).forEach(t -> byCode.put(t.code(), t));
        return byCode;
    }

    private static String name(Map<String, Treatment> treatments, String code) {
        Treatment t = treatments.get(code);
        return t == null ? code : t.name();
    }

    private static String local(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
