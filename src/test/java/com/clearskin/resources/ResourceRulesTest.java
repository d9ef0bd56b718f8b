package com.clearskin.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.platform.InvalidInputException.Violation;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per rule of {@link ResourceRules}: the value it accepts at its edges and the one it refuses. */
class ResourceRulesTest {

    static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    static WeeklyInterval on(DayOfWeek day, String start, String end) {
        return new WeeklyInterval(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 10, 15, 20, 30, 60, 120})
    void slotsThatDivideTheDayAreAccepted(int minutes) {
        assertThat(ResourceRules.slotDividesTheDay(minutes)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 7, 25, 50, 121, 240})
    void slotsThatDoNotDivideTheDayOrAreOutOfRangeAreRefused(int minutes) {
        assertThat(fields(ResourceRules.slotDividesTheDay(minutes))).containsExactly("settings.slotMinutes");
        assertThat(fields(ResourceRules.slotDividesTheDay(null))).containsExactly("settings.slotMinutes");
    }

    @Test
    void noticeIsZeroToTwoWeeks() {
        assertThat(ResourceRules.noticeIsWithinTwoWeeks(0)).isEmpty();
        assertThat(ResourceRules.noticeIsWithinTwoWeeks(20160)).isEmpty();
        assertThat(fields(ResourceRules.noticeIsWithinTwoWeeks(-1))).containsExactly("settings.minNoticeMinutes");
        assertThat(fields(ResourceRules.noticeIsWithinTwoWeeks(20161))).containsExactly("settings.minNoticeMinutes");
    }

    @Test
    void horizonIsOneDayToTwoYears() {
        assertThat(ResourceRules.horizonIsWithinTwoYears(1)).isEmpty();
        assertThat(ResourceRules.horizonIsWithinTwoYears(730)).isEmpty();
        assertThat(fields(ResourceRules.horizonIsWithinTwoYears(0))).containsExactly("settings.horizonDays");
        assertThat(fields(ResourceRules.horizonIsWithinTwoYears(731))).containsExactly("settings.horizonDays");
    }

    @Test
    void cancelWindowIsZeroToThirtyDays() {
        assertThat(ResourceRules.cancelWindowIsWithinThirtyDays(0)).isEmpty();
        assertThat(ResourceRules.cancelWindowIsWithinThirtyDays(720)).isEmpty();
        assertThat(fields(ResourceRules.cancelWindowIsWithinThirtyDays(721))).containsExactly("settings.clientCancelHours");
        assertThat(fields(ResourceRules.cancelWindowIsWithinThirtyDays(null))).containsExactly("settings.clientCancelHours");
    }

    @Test
    void waitlistOfferIsFiveMinutesToAWeek() {
        assertThat(ResourceRules.waitlistOfferIsWithinAWeek(5)).isEmpty();
        assertThat(ResourceRules.waitlistOfferIsWithinAWeek(10080)).isEmpty();
        assertThat(fields(ResourceRules.waitlistOfferIsWithinAWeek(4))).containsExactly("settings.waitlistOfferMinutes");
    }

    @Test
    void settingsReportEveryWrongFieldAtOnce() {
        assertThat(fields(ResourceRules.settings(new BookingSettings(7, -1, 0, 721, 4)))).containsExactly(
                "settings.slotMinutes", "settings.minNoticeMinutes", "settings.horizonDays",
                "settings.clientCancelHours", "settings.waitlistOfferMinutes");
        assertThat(ResourceRules.settings(new BookingSettings(15, 60, 92, 24, 120))).isEmpty();
        assertThat(fields(ResourceRules.settings(null))).containsExactly("settings");
    }

    @Test
    void theTimeZoneIsAnIanaRegion() {
        assertThat(ResourceRules.timeZoneIsIana("Australia/Lord_Howe")).isEmpty();
        assertThat(ResourceRules.timeZoneIsIana("America/New_York")).isEmpty();
        for (String bad : new String[] {"EST5", "+02:00", "Mars/Olympus", "", "UTC+1"}) {
            assertThat(fields(ResourceRules.timeZoneIsIana(bad))).as(bad).containsExactly("timeZone");
        }
        assertThat(fields(ResourceRules.timeZoneIsIana(null))).containsExactly("timeZone");
    }

    @Test
    void anIntervalStartsBeforeItEnds() {
        assertThat(ResourceRules.startsBeforeItEnds(LocalTime.of(9, 0), LocalTime.of(9, 5))).isTrue();
        assertThat(ResourceRules.startsBeforeItEnds(LocalTime.of(9, 0), LocalTime.of(9, 0))).isFalse();
        assertThat(ResourceRules.startsBeforeItEnds(LocalTime.of(22, 0), LocalTime.of(2, 0))).isFalse();
    }

    @Test
    void intervalsOfOneDayDoNotOverlapButMayTouch() {
        assertThat(ResourceRules.intervalsDoNotOverlap("openingHours", List.of(
                on(DayOfWeek.MONDAY, "09:00", "13:00"), on(DayOfWeek.MONDAY, "13:00", "18:00"),
                on(DayOfWeek.TUESDAY, "10:00", "12:00")))).isEmpty();
        assertThat(fields(ResourceRules.intervalsDoNotOverlap("openingHours", List.of(
                on(DayOfWeek.MONDAY, "09:00", "13:00"), on(DayOfWeek.TUESDAY, "09:00", "13:00"),
                on(DayOfWeek.MONDAY, "12:59", "18:00"))))).containsExactly("openingHours[2]");
        assertThat(fields(ResourceRules.intervalsDoNotOverlap("shifts", List.of(
                on(DayOfWeek.FRIDAY, "09:00", "18:00"), on(DayOfWeek.FRIDAY, "10:00", "11:00")))))
                .containsExactly("shifts[1]");
    }

    @Test
    void breaksLieInsideAShiftOfTheSameDay() {
        List<WeeklyInterval> shifts = List.of(on(DayOfWeek.MONDAY, "09:00", "13:00"),
                on(DayOfWeek.MONDAY, "14:00", "18:00"));
        assertThat(ResourceRules.breaksLieInsideShifts(shifts, List.of(on(DayOfWeek.MONDAY, "09:00", "09:15"),
                on(DayOfWeek.MONDAY, "17:30", "18:00")))).isEmpty();
        assertThat(fields(ResourceRules.breaksLieInsideShifts(shifts, List.of(on(DayOfWeek.MONDAY, "12:30", "14:30"),
                on(DayOfWeek.TUESDAY, "10:00", "10:15"), on(DayOfWeek.MONDAY, "08:45", "09:15")))))
                .containsExactly("breaks[0]", "breaks[1]", "breaks[2]");
    }

    @Test
    void aClosureEndsOnOrAfterItsFirstDayWithinAYear() {
        LocalDate christmas = LocalDate.of(2026, 12, 25);
        assertThat(ResourceRules.closureIsOrdered(christmas, christmas)).isEmpty();
        assertThat(fields(ResourceRules.closureIsOrdered(christmas, christmas.minusDays(1)))).containsExactly("lastDay");
        assertThat(fields(ResourceRules.closureIsOrdered(christmas, christmas.plusDays(366)))).containsExactly("lastDay");
        assertThat(ResourceRules.closureIsOrdered(christmas, christmas.plusDays(365))).isEmpty();
    }

    @Test
    void timeOffStartsBeforeItEndsWithinAYear() {
        Instant start = Instant.parse("2026-07-01T08:00:00Z");
        assertThat(ResourceRules.timeOffIsOrdered(start, start.plusSeconds(60))).isEmpty();
        assertThat(fields(ResourceRules.timeOffIsOrdered(start, start))).containsExactly("endsAt");
        assertThat(fields(ResourceRules.timeOffIsOrdered(start, start.plusSeconds(367L * 86400)))).containsExactly("endsAt");
    }

    @Test
    void aLocalTimeSkippedByTheClocksDoesNotExist() {
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(ResourceRules.localTimeExists(newYork, LocalDateTime.parse("2026-03-08T02:30"))).isFalse();
        assertThat(ResourceRules.localTimeExists(newYork, LocalDateTime.parse("2026-11-01T01:30"))).isTrue();
        ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe"); // moves 30 minutes, at 02:00 on 4 October 2026
        assertThat(ResourceRules.localTimeExists(lordHowe, LocalDateTime.parse("2026-10-04T02:15"))).isFalse();
        assertThat(ResourceRules.localTimeExists(lordHowe, LocalDateTime.parse("2026-10-04T02:30"))).isTrue();
    }

    @Test
    void aNameIsGivenAndShort() {
        assertThat(ResourceRules.nameIsGiven("name", "Room 1")).isEmpty();
        assertThat(fields(ResourceRules.nameIsGiven("name", "  "))).containsExactly("name");
        assertThat(fields(ResourceRules.nameIsGiven("displayName", null))).containsExactly("displayName");
        assertThat(fields(ResourceRules.nameIsGiven("name", "x".repeat(101)))).containsExactly("name");
    }

    @Test
    void aReasonIsShortAndGivenWhereRequired() {
        assertThat(ResourceRules.reasonIsShort("reason", "", false)).isEmpty();
        assertThat(fields(ResourceRules.reasonIsShort("reason", "", true))).containsExactly("reason");
        assertThat(fields(ResourceRules.reasonIsShort("reason", "x".repeat(201), false))).containsExactly("reason");
    }

    @Test
    void aQualificationIsAPerformerWhoTreats() {
        for (String q : new String[] {"esthetician", "nurse", "physician"}) {
            assertThat(ResourceRules.qualificationIsKnown(q)).isEmpty();
        }
        for (String q : new String[] {"self", "Nurse", "wizard"}) {
            assertThat(fields(ResourceRules.qualificationIsKnown(q))).containsExactly("qualification");
        }
        assertThat(fields(ResourceRules.qualificationIsKnown(null))).containsExactly("qualification");
    }

    @Test
    void codesComeFromTheVocabularyOnce() {
        Set<String> vocabulary = Set.of("facial-bed", "laser-safe");
        assertThat(ResourceRules.codesAreKnown("capabilities", List.of("laser-safe", "facial-bed"), vocabulary)).isEmpty();
        assertThat(ResourceRules.codesAreKnown("capabilities", null, vocabulary)).isEmpty();
        assertThat(fields(ResourceRules.codesAreKnown("capabilities", List.of("facial-bed", "hot-tub", "facial-bed"),
                vocabulary))).containsExactly("capabilities[1]", "capabilities[2]");
    }

    @Test
    void aDeviceTypeIsKnown() {
        assertThat(ResourceRules.deviceTypeIsKnown("steamer", Set.of("steamer"))).isEmpty();
        assertThat(fields(ResourceRules.deviceTypeIsKnown("toaster", Set.of("steamer")))).containsExactly("type");
        assertThat(fields(ResourceRules.deviceTypeIsKnown(" ", Set.of("steamer")))).containsExactly("type");
    }

    @Test
    void buffersAreZeroToFourHours() {
        assertThat(ResourceRules.buffersAreWithinFourHours(0, 240)).isEmpty();
        assertThat(fields(ResourceRules.buffersAreWithinFourHours(-1, 241)))
                .containsExactly("bufferBeforeMinutes", "bufferAfterMinutes");
        assertThat(fields(ResourceRules.buffersAreWithinFourHours(null, 0))).containsExactly("bufferBeforeMinutes");
    }
}
