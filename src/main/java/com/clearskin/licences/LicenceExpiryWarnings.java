package com.clearskin.licences;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Member;
import com.clearskin.accounts.Role;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.jobs.RecurringJob;
import com.clearskin.mail.Outbox;
import com.clearskin.mail.OutgoingMail;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.PractitionerDetails;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warns each clinic's owners by mail of a licence that expires within {@link LicenceRules#WARNING_DAYS}
 * days ({@link LicenceRules#warnsOfExpiry}): one mail per licence and owner, put in the outbox in the
 * same transaction as the row that says it was sent, whose primary key makes a second one impossible.
 * A recurring job runs it daily.
 */
@Service
public class LicenceExpiryWarnings {

    private static final Logger log = LoggerFactory.getLogger(LicenceExpiryWarnings.class);

    private final JdbcClient jdbc;
    private final Licences licences;
    private final Clinics clinics;
    private final Accounts accounts;
    private final ClinicResources resources;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LicenceExpiryWarnings(JdbcClient jdbc, Licences licences, Clinics clinics, Accounts accounts,
            ClinicResources resources, Outbox outbox, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.licences = licences;
        this.clinics = clinics;
        this.accounts = accounts;
        this.resources = resources;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The clinic's licences its owners are to be warned of today (for the banner too). */
    public List<Licence> expiringSoon(Clinic clinic, List<Licence> licencesOfClinic) {
        LocalDate today = licences.today(clinic);
        Map<UUID, List<LicenceRules.Fact>> byHolder = new HashMap<>();
        licencesOfClinic.forEach(l -> byHolder.computeIfAbsent(l.practitionerId(), k -> new ArrayList<>()).add(l.fact()));
        return licencesOfClinic.stream()
                .filter(l -> LicenceRules.warnsOfExpiry(l.fact(), byHolder.get(l.practitionerId()), today)).toList();
    }

    /** Sends the warnings due now; returns how many mails were put in the outbox. */
    public int warnDue() {
        LocalDate utc = LocalDate.ofInstant(Instant.now(clock), java.time.ZoneOffset.UTC);
        List<UUID> clinicIds = jdbc.sql("""
                select distinct clinic_id from licence where expires_on between :from and :to""")
                .param("from", utc.minusDays(1)).param("to", utc.plusDays(LicenceRules.WARNING_DAYS + 1))
                .query(UUID.class).list();
        int sent = 0;
        for (UUID id : clinicIds) {
            Clinic clinic = clinics.byId(id).orElse(null);
            if (clinic != null) {
                sent += warn(clinic);
            }
        }
        return sent;
    }

    /** Sends the clinic's warnings due today; returns how many mails were put in the outbox. */
    public int warn(Clinic clinic) {
        List<Licence> due = expiringSoon(clinic, licences.forClinic(clinic));
        if (due.isEmpty()) {
            return 0;
        }
        List<Member> owners = accounts.members(clinic.id(), Set.of(Role.OWNER));
        Map<UUID, String> names = new HashMap<>();
        resources.practitioners(clinic).forEach(p -> names.put(p.id(), p.displayName()));
        int sent = 0;
        for (Licence licence : due) {
            for (Member owner : owners) {
                Boolean added = transactions.execute(tx -> warnOnce(clinic, licence, owner,
                        names.getOrDefault(licence.practitionerId(), "A practitioner")));
                if (Boolean.TRUE.equals(added)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean warnOnce(Clinic clinic, Licence licence, Member owner, String practitioner) {
        UUID mailId = UUID.nameUUIDFromBytes(("licence-expiry:" + licence.id() + ":" + owner.userId())
                .getBytes(StandardCharsets.UTF_8));
        int inserted = jdbc.sql("""
                insert into licence_expiry_warning (clinic_id, licence_id, recipient_id, warned_at, mail_id)
                values (:clinic, :licence, :owner, :now, :mail) on conflict do nothing""")
                .param("clinic", clinic.id()).param("licence", licence.id()).param("owner", owner.userId())
                .param("now", Timestamp.from(Instant.now(clock))).param("mail", mailId).update();
        if (inserted == 0) {
            return false;
        }
        long days = ChronoUnit.DAYS.between(licences.today(clinic), licence.expiresOn());
        String link = outbox.baseUrl().map(base -> "\n\nAdd the renewed licence here: " + base + "/app/clinics/"
                + clinic.slug() + "/schedule/practitioners/" + licence.practitionerId() + "#licences").orElse("");
        outbox.enqueue(mailId, new OutgoingMail(clinic.id(), "licence-expiry", owner.email(),
                practitioner + "'s " + licence.type().label().toLowerCase(java.util.Locale.ROOT) + " licence expires on "
                        + licence.expiresOn(),
                "Hello " + owner.displayName() + ",\n\n" + practitioner + "'s " + licence.type().label()
                        + " licence (number " + licence.number() + ", " + licence.jurisdiction() + ") at " + clinic.name()
                        + " expires on " + licence.expiresOn() + (days == 0 ? ", today" : ", in " + days + " day"
                        + (days == 1 ? "" : "s")) + ".\n\nFrom the day after, they cannot be booked for treatments that "
                        + "need this licence. Add the renewed licence with its document; Clearskin verifies it."
                        + link + "\n\nClearskin", false));
        return true;
    }

    void runDaily() {
        try {
            int sent = warnDue();
            if (sent > 0) {
                log.info("{} licence expiry warning(s) put in the outbox", sent);
            }
        } catch (RuntimeException e) {
            log.warn("Licence expiry warnings failed; they run again tomorrow: {}", e.toString());
        }
    }

    /** Declares the daily job to the job runtime. */
    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        @Bean
        RecurringJob licenceExpiryWarningJob(LicenceExpiryWarnings warnings,
                @Value("${clearskin.licences.expiry-warning-interval:P1D}") Duration interval) {
            return RecurringJob.every(interval, "licence-expiry-warnings", warnings::runDaily);
        }
    }

    /** The practitioner's licences the owners are warned of, for the practitioner's page. */
    public List<Licence> expiringSoon(Clinic clinic, PractitionerDetails practitioner, List<Licence> theirs) {
        return expiringSoon(clinic, theirs).stream().filter(l -> l.practitionerId().equals(practitioner.id())).toList();
    }
}
