package com.clearskin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestClinics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The next two clock changes (one forward, one back) of three zones, through the API: what the
 * availability offers on those days, with which offsets, and that a repeated local time books at
 * the instant asked for.
 */
@IntegrationTest
class DstBookingIT {

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFixtures fixtures;

    @ParameterizedTest
    @ValueSource(strings = {"America/New_York", "Europe/London", "Australia/Lord_Howe"})
    void bothClockChangesOfTheComingYear(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        TestClinic clinic = fixtures.open(zoneId);
        fixtures.settings(clinic.clinic(), 15, 0, 730, 24);
        fixtures.openEveryDay(clinic.clinic(), "00:00", "23:59");
        fixtures.practitioner(clinic.clinic(), "Nora", "esthetician", "00:00", "23:59");
        fixtures.room(clinic.clinic(), "Room");
        fixtures.requirement(clinic.clinic(), "extraction-facial", List.of(), List.of(), 0, 0);
        UUID client = fixtures.client(clinic.clinic(), "Dana", "Daylight");
        Http desk = new Http(port).signInForApi(clinic.email(Role.FRONT_DESK), TestClinics.PASSWORD);
        String base = "/api/v1/clinics/" + clinic.slug();

        ZoneOffsetTransition first = zone.getRules().nextTransition(Instant.now().plus(Duration.ofDays(2)));
        ZoneOffsetTransition second = zone.getRules().nextTransition(first.getInstant());
        assertThat(first.isGap()).isNotEqualTo(second.isGap());
        for (ZoneOffsetTransition t : List.of(first, second)) {
            LocalDate day = t.getDateTimeBefore().toLocalDate();
            Http.Response r = desk.get(base + "/availability?treatment=extraction-facial&from=" + day + "&to=" + day);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            List<OffsetDateTime> starts = new ArrayList<>();
            r.json().get("slots").forEach(s -> {
                OffsetDateTime start = OffsetDateTime.parse(s.get("start").asString());
                OffsetDateTime end = OffsetDateTime.parse(s.get("end").asString());
                assertThat(start.getOffset()).isEqualTo(zone.getRules().getOffset(start.toInstant()));
                assertThat(end.getOffset()).isEqualTo(zone.getRules().getOffset(end.toInstant()));
                assertThat(Duration.between(start, end)).isEqualTo(Duration.ofMinutes(60));
                assertThat(start.toLocalDate()).isEqualTo(day);
                starts.add(start);
            });
            int gridTimesChanged = (int) (t.getDuration().abs().toMinutes() / 15);
            assertThat(starts).hasSize(92 + (t.isGap() ? -gridTimesChanged : gridTimesChanged));
            if (t.isGap()) {
                assertThat(starts).noneMatch(s -> !s.toLocalDateTime().isBefore(t.getDateTimeBefore())
                        && s.toLocalDateTime().isBefore(t.getDateTimeAfter()));
            } else {
                LocalDateTime repeated = t.getDateTimeAfter();
                List<ZoneOffset> offsets = starts.stream().filter(s -> s.toLocalDateTime().equals(repeated))
                        .map(OffsetDateTime::getOffset).toList();
                assertThat(offsets).containsExactly(t.getOffsetBefore(), t.getOffsetAfter());
                // the second of the two instants books as asked and its hour is real
                String later = repeated.atOffset(t.getOffsetAfter()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                Http.Response booked = desk.postJson(base + "/appointments",
                        Map.of("clientId", client.toString(), "treatment", "extraction-facial", "start", later));
                assertThat(booked.status()).as(booked.body()).isEqualTo(201);
                assertThat(booked.json().get("start").asString()).isEqualTo(later);
                assertThat(booked.json().get("end").asString()).isEqualTo(repeated.atOffset(t.getOffsetAfter())
                        .plusMinutes(60).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                // the first instant of the same local time lies a whole shift earlier in real time: still free
                // when the shift is an hour (the hour ends as the booked one starts), taken when it is 30 minutes
                String earlier = repeated.atOffset(t.getOffsetBefore()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                String after = desk.get(base + "/availability?treatment=extraction-facial&from=" + day + "&to=" + day)
                        .body();
                if (t.getDuration().abs().toMinutes() >= 60) {
                    assertThat(after).contains("\"start\":\"" + earlier + "\"");
                } else {
                    assertThat(after).doesNotContain("\"start\":\"" + earlier + "\"");
                }
            }
        }
    }
}
