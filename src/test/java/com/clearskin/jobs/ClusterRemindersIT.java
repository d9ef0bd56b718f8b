package com.clearskin.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.booking.ScheduleFixtures;
import com.clearskin.mail.TestMailbox;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import com.github.kagkarlsson.scheduler.Scheduler;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Three schedulers on one database (db-scheduler instances as three app instances would run them)
 * with 200 appointments whose reminder is due: exactly 200 reminders reach the SMTP server
 * (GreenMail), none twice, and stopping one scheduler in the middle of the run loses none.
 */
@IntegrationTest
class ClusterRemindersIT {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final String FACIAL = "extraction-facial";
    static final int APPOINTMENTS = 200;

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    List<RecurringJob> jobs;

    @Test
    void threeInstancesSend200RemindersOnceEachAndAStoppedOneLosesNone() throws Exception {
        TestClinic clinic = fixtures.open(ZONE.getId());
        String base = "/api/v1/clinics/" + clinic.slug();
        fixtures.settings(clinic.clinic(), 15, 0, 365, 24);
        fixtures.openEveryDay(clinic.clinic(), "08:00", "20:00");
        for (int i = 0; i < 8; i++) {
            fixtures.practitioner(clinic.clinic(), "P" + i, "esthetician", "08:00", "20:00");
            fixtures.room(clinic.clinic(), "Room " + i, "facial-bed");
            fixtures.device(clinic.clinic(), "Steamer " + i, "steamer");
        }
        fixtures.requirement(clinic.clinic(), FACIAL, List.of("facial-bed"), List.of("steamer"), 0, 0);
        Http desk = new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
        int booked = 0;
        for (int day = 2; booked < APPOINTMENTS && day < 30; day++) {
            for (int hour = 8; booked < APPOINTMENTS && hour < 19; hour++) {
                for (int p = 0; booked < APPOINTMENTS && p < 8; p++) {
                    UUID client = fixtures.client(clinic.clinic(), "C" + booked, "Cluster");
                    jdbc.sql("update client set email = :e where clinic_id = :c and id = :id")
                            .param("e", "c" + booked + "-" + clinic.slug() + "@cluster.test").param("c", clinic.clinic().id())
                            .param("id", client).update();
                    String start = LocalDate.now(ZONE).plusDays(day).atTime(hour, 0).atZone(ZONE).toOffsetDateTime().toString();
                    Http.Response r = desk.postJson(base + "/appointments",
                            Map.of("clientId", client.toString(), "treatment", FACIAL, "start", start));
                    if (r.status() == 201) {
                        booked++;
                    }
                }
            }
        }
        assertThat(booked).isEqualTo(APPOINTMENTS);
        // Each appointment's last reminder (1 day before) falls due now; the rest wait or are not ours to count.
        jdbc.sql("""
                update follow_up set status = 'cancelled', cancelled_at = now()
                where clinic_id = :c and status = 'scheduled' and (kind <> 'reminder' or due_at < (
                    select max(f2.due_at) from follow_up f2 where f2.clinic_id = follow_up.clinic_id
                      and f2.appointment_id = follow_up.appointment_id and f2.kind = 'reminder'))""")
                .param("c", clinic.clinic().id()).update();
        jdbc.sql("update follow_up set send_at = now() - interval '1 minute' where clinic_id = :c and status = 'scheduled'")
                .param("c", clinic.clinic().id()).update();
        assertThat(jdbc.sql("select count(*) from follow_up where clinic_id = :c and status = 'scheduled'")
                .param("c", clinic.clinic().id()).query(Integer.class).single()).isEqualTo(APPOINTMENTS);

        RecurringJob delivery = jobs.stream().filter(j -> j.name().equals("followups-delivery")).findFirst().orElseThrow();
        JobSettings settings = new JobSettings(true, Duration.ofMillis(100), 2, Duration.ofSeconds(5), "");
        List<Scheduler> instances = new ArrayList<>();
        AtomicInteger[] runs = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        for (int i = 0; i < 3; i++) {
            AtomicInteger mine = runs[i];
            // Its own job name: the row of "followups-delivery" is shared with every application context the
            // suite keeps cached, and one of those could take the run (and with it the whole batch) first.
            List<RecurringJob> fast = List.of(new RecurringJob(delivery.name() + "-cluster-test", Duration.ofMillis(100), () -> {
                mine.incrementAndGet();
                delivery.work().run();
            }));
            Scheduler s = JobRuntime.scheduler(dataSource, fast, settings, "cluster-" + i);
            s.start();
            instances.add(s);
        }
        long deadline = System.currentTimeMillis() + 120_000;
        boolean stopped = false;
        while (System.currentTimeMillis() < deadline && sent(clinic) < APPOINTMENTS) {
            if (!stopped && sent(clinic) > 0) {
                instances.get(0).stop();
                stopped = true;
            }
            Thread.sleep(100);
        }
        int afterStop = runs[1].get() + runs[2].get();
        instances.forEach(Scheduler::stop);
        jdbc.sql("delete from scheduled_tasks where task_name = :n").param("n", delivery.name() + "-cluster-test").update();
        assertThat(stopped).as("one instance was stopped mid-run").isTrue();
        assertThat(runs[0].get() + afterStop).as("the three instances did the work").isPositive();
        assertThat(sent(clinic)).as("every reminder reached the outbox").isEqualTo(APPOINTMENTS);
        assertThat(jdbc.sql("select count(*) from follow_up where clinic_id = :c and kind = 'reminder' and status = 'sent'")
                .param("c", clinic.clinic().id()).query(Integer.class).single()).isEqualTo(APPOINTMENTS);

        try (TestMailbox mailbox = new TestMailbox(jdbc)) {
            while (mailbox.deliver() > 0) {
                // whole batches
            }
            Set<String> ids = new HashSet<>();
            int reminders = 0;
            for (int i = 0; i < APPOINTMENTS; i++) {
                for (MimeMessage m : mailbox.to("c" + i + "-" + clinic.slug() + "@cluster.test")) {
                    if (m.getSubject().startsWith("Reminder:")) {
                        reminders++;
                        ids.add(m.getHeader("Message-ID")[0]);
                    }
                }
            }
            assertThat(reminders).as("exactly one reminder per appointment over SMTP").isEqualTo(APPOINTMENTS);
            assertThat(ids).as("none twice").hasSize(APPOINTMENTS);
        }
    }

    int sent(TestClinic clinic) {
        return jdbc.sql("select count(*) from outbox_message where clinic_id = :c and kind = 'follow-up-reminder'")
                .param("c", clinic.clinic().id()).query(Integer.class).single();
    }
}
