package com.clearskin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.booking.engine.AvailabilityEngine;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.resources.BookingSettings;
import com.clearskin.resources.BookingTerms;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.PractitionerChange;
import com.clearskin.resources.Requirements;
import com.clearskin.resources.ScheduleChange;
import com.clearskin.resources.ScheduleSnapshot;
import com.clearskin.resources.WeeklyHours;
import com.clearskin.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clearskin's free starts equal the peer's (Easy!Appointments 1.6, ../shared/bench/ea-peer) on a
 * week of its data: one provider Monday-Saturday 09:00-18:00 UTC, a 60-minute treatment on a
 * 15-minute grid, no notice, no buffers, and the union of the peer's (overlapping) appointments of
 * that week as busy time. Set up through the resources facade the API uses; the busy times written
 * as appointments; asked through the loader and the engine with the clock at 2026-11-30 12:00 UTC
 * (the answers are of December 2026, so the test must not depend on today). bench/peer-ea.sh checks
 * the whole month over HTTP.
 */
@IntegrationTest
class PeerAnswersIT {

    private static final String DATA = "/booking/ea-peer/";
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Autowired
    ScheduleFixtures fixtures;
    @Autowired
    ClinicResources resources;
    @Autowired
    Clinics clinics;
    @Autowired
    Requirements requirements;
    @Autowired
    ScheduleLoader loader;

    @Test
    void theFreeStartsOfAWeekAreThePeersExactly() throws IOException {
        Clinic clinic = fixtures.open("UTC").clinic();
        List<WeeklyHours> week = new ArrayList<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday")) {
            week.add(new WeeklyHours(day, "09:00", "18:00"));
        }
        resources.changeSchedule(clinic, new ScheduleChange("UTC", new BookingSettings(15, 0, 92, 24, 60), week));
        clinic = clinics.requireBySlug(clinic.slug());
        UUID provider = resources.addPractitioner(clinic,
                new PractitionerChange("EA Provider 1", "esthetician", null, true, week, List.of())).id();
        UUID room = fixtures.room(clinic, "EA Room", "facial-bed");
        fixtures.requirement(clinic, "deep-pore-cleansing", List.of("facial-bed"), List.of(), 0, 0);
        UUID client = fixtures.client(clinic, "Peer", "Customers");
        List<Instant[]> busy = union(appointments());
        for (Instant[] span : busy) {
            fixtures.appointment(clinic, client, "deep-pore-cleansing", provider, room, span[0], span[1]);
        }
        assertThat(busy).hasSizeLessThan(appointments().size());

        Map<String, List<String>> peer = peerAnswers();
        BookingTerms terms = requirements.terms(clinic, "deep-pore-cleansing");
        Map<String, List<String>> ours = new LinkedHashMap<>();
        for (String day : peer.keySet()) {
            LocalDate date = LocalDate.parse(day);
            ScheduleSnapshot snapshot = loader.snapshot(clinic, terms.settings(),
                    date.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    date.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
            ours.put(day, AvailabilityEngine.search(snapshot, terms.requirement(), date, date, provider, NOW).stream()
                    .map(s -> s.start().toLocalTime().toString()).toList());
        }
        assertThat(ours).isEqualTo(peer);
        assertThat(peer.values().stream().mapToInt(List::size).sum()).isEqualTo(14);
    }

    /** The peer's appointments that touch 2026-11-30 .. 2026-12-08, as [start, end) instants. */
    private static List<Instant[]> appointments() throws IOException {
        List<Instant[]> all = new ArrayList<>();
        try (InputStream in = PeerAnswersIT.class.getResourceAsStream(DATA + "appointments-2026-12-01-week.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].strip().split(",");
                all.add(new Instant[] {LocalDateTime.parse(cells[0]).toInstant(ZoneOffset.UTC),
                    LocalDateTime.parse(cells[1]).toInstant(ZoneOffset.UTC)});
            }
        }
        return all;
    }

    /** Overlapping (and touching) appointments merged into the busy spans Clearskin stores. */
    static List<Instant[]> union(List<Instant[]> spans) {
        List<Instant[]> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing((Instant[] s) -> s[0]));
        List<Instant[]> merged = new ArrayList<>();
        for (Instant[] s : sorted) {
            Instant[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !s[0].isAfter(last[1])) {
                if (s[1].isAfter(last[1])) {
                    last[1] = s[1];
                }
            } else {
                merged.add(new Instant[] {s[0], s[1]});
            }
        }
        return merged;
    }

    private static Map<String, List<String>> peerAnswers() throws IOException {
        try (InputStream in = PeerAnswersIT.class.getResourceAsStream(DATA + "available-hours-2026-12-01-week.json")) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, List<String>> answers = new LinkedHashMap<>();
            root.properties().forEach(e -> {
                List<String> times = new ArrayList<>();
                e.getValue().forEach(t -> times.add(t.asString()));
                answers.put(e.getKey(), times);
            });
            return answers;
        }
    }
}
