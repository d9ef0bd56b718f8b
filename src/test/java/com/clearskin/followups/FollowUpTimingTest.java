package com.clearskin.followups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpTimingTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalTime FROM = MessageSettings.DEFAULTS.quietFrom();
    static final LocalTime UNTIL = MessageSettings.DEFAULTS.quietUntil();

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void remindersAreThreeAndOneLocalDaysBeforeAtTheVisitsLocalTime() {
        Instant visit = local("2026-06-10T10:00");
        assertThat(FollowUpTiming.reminderTimes(visit, List.of(3, 1), BERLIN, local("2026-06-01T09:00")))
                .containsExactly(local("2026-06-07T10:00"), local("2026-06-09T10:00"));
    }

    @Test
    void aReminderAcrossTheSpringDstChangeKeepsTheLocalTimeAndIs23HoursBefore() {
        // Clocks go forward in Berlin on 29 March 2026 at 02:00.
        Instant visit = local("2026-03-30T10:00");
        List<Instant> times = FollowUpTiming.reminderTimes(visit, List.of(1), BERLIN, local("2026-03-01T09:00"));
        assertThat(times).containsExactly(local("2026-03-29T10:00"));
        assertThat(Duration.between(times.get(0), visit)).isEqualTo(Duration.ofHours(24));
        Instant overChange = local("2026-03-29T10:00");
        assertThat(FollowUpTiming.reminderTimes(overChange, List.of(1), BERLIN, local("2026-03-01T09:00")))
                .containsExactly(local("2026-03-28T10:00"));
        assertThat(Duration.between(local("2026-03-28T10:00"), overChange)).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void aReminderAcrossTheAutumnDstChangeIs25HoursBefore() {
        Instant visit = local("2026-10-25T10:00");
        assertThat(FollowUpTiming.reminderTimes(visit, List.of(1), BERLIN, local("2026-10-01T09:00")))
                .containsExactly(local("2026-10-24T10:00"));
        assertThat(Duration.between(local("2026-10-24T10:00"), visit)).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void aReminderWhoseTimeHasPassedAtBookingIsNotSent() {
        Instant visit = local("2026-06-10T10:00");
        assertThat(FollowUpTiming.reminderTimes(visit, List.of(3, 1), BERLIN, local("2026-06-08T12:00")))
                .containsExactly(local("2026-06-09T10:00"));
    }

    @Test
    void quietHoursRunFromNineAtNightToEightInTheMorningLocalTime() {
        assertThat(FollowUpTiming.inQuietHours(local("2026-06-10T20:59"), BERLIN, FROM, UNTIL)).isFalse();
        assertThat(FollowUpTiming.inQuietHours(local("2026-06-10T21:00"), BERLIN, FROM, UNTIL)).isTrue();
        assertThat(FollowUpTiming.inQuietHours(local("2026-06-11T07:59"), BERLIN, FROM, UNTIL)).isTrue();
        assertThat(FollowUpTiming.inQuietHours(local("2026-06-11T08:00"), BERLIN, FROM, UNTIL)).isFalse();
    }

    @Test
    void aNonUrgentMessageDueInQuietHoursWaitsForEightInTheMorning() {
        assertThat(FollowUpTiming.sendAt(local("2026-06-10T22:30"), false, BERLIN, FROM, UNTIL))
                .isEqualTo(local("2026-06-11T08:00"));
        assertThat(FollowUpTiming.sendAt(local("2026-06-11T06:00"), false, BERLIN, FROM, UNTIL))
                .isEqualTo(local("2026-06-11T08:00"));
        assertThat(FollowUpTiming.sendAt(local("2026-06-11T12:00"), false, BERLIN, FROM, UNTIL))
                .isEqualTo(local("2026-06-11T12:00"));
    }

    @Test
    void anUrgentMessageIsNotHeldByQuietHours() {
        assertThat(FollowUpTiming.sendAt(local("2026-06-10T22:30"), true, BERLIN, FROM, UNTIL))
                .isEqualTo(local("2026-06-10T22:30"));
    }

    @Test
    void quietHoursEndAtEightLocalTimeOnTheNightClocksGoBack() {
        assertThat(FollowUpTiming.sendAt(local("2026-10-24T23:00"), false, BERLIN, FROM, UNTIL))
                .isEqualTo(local("2026-10-25T08:00"));
    }

    @Test
    void checkInDaysFollowTheDowntime() {
        assertThat(FollowUpTiming.checkInDays(0)).containsExactly(1);
        assertThat(FollowUpTiming.checkInDays(1)).containsExactly(1);
        assertThat(FollowUpTiming.checkInDays(7)).containsExactly(1, 3, 7);
    }

    @Test
    void aCheckInIsAtTenLocalTimeOnItsDay() {
        assertThat(FollowUpTiming.checkInTime(local("2026-06-10T16:00"), 3, BERLIN)).isEqualTo(local("2026-06-13T10:00"));
    }

    @Test
    void rebookingFallsDueTheCadencesDaysAfterTheVisit() {
        assertThat(FollowUpTiming.rebookTime(local("2026-06-10T16:00"), 28, BERLIN)).isEqualTo(local("2026-07-08T10:00"));
    }

    @Test
    void linksBeforeTheVisitStopWorkingAtItsStart() {
        Instant visit = local("2026-06-10T10:00");
        assertThat(FollowUpTiming.visitLinkExpiry(visit)).isEqualTo(visit);
    }

    @Test
    void anEmailedCheckInLinkWorksForTwoWeeks() {
        Instant sent = local("2026-06-11T10:00");
        assertThat(FollowUpTiming.checkInLinkExpiry(sent)).isEqualTo(sent.plus(Duration.ofDays(14)));
    }

    @Test
    void beforeCareGoesOutTheDayBeforeTheRetinoidPauseBeginsAndAtLeastTwoDaysAhead() {
        Instant visit = local("2026-06-10T15:00");
        Instant booked = local("2026-05-01T09:00");
        assertThat(FollowUpTiming.beforeCareTime(visit, 3, BERLIN, booked)).isEqualTo(local("2026-06-06T10:00"));
        assertThat(FollowUpTiming.beforeCareTime(visit, 0, BERLIN, booked)).isEqualTo(local("2026-06-08T10:00"));
        Instant late = local("2026-06-09T12:00");
        assertThat(FollowUpTiming.beforeCareTime(visit, 3, BERLIN, late)).as("booked late: at once").isEqualTo(late);
    }

    @Test
    void theNextSessionFallsDueAfterTheCourseIntervalOrTheCadenceForTheSkinType() {
        var course = new com.clearskin.catalog.Treatment.Course(4, 6, 14, 35, List.of("ref-1"), null, false);
        var oily = new com.clearskin.catalog.Treatment.Cadence(List.of(com.clearskin.catalog.SkinType.OILY), 28, 42, null,
                List.of("seed-001"), null, false);
        var dry = new com.clearskin.catalog.Treatment.Cadence(List.of(com.clearskin.catalog.SkinType.DRY), 42, 56, null,
                List.of("seed-001"), null, false);
        assertThat(FollowUpTiming.rebookIntervalDays(true, course, List.of(oily), null)).hasValue(14);
        assertThat(FollowUpTiming.rebookIntervalDays(false, course, List.of(oily, dry), com.clearskin.catalog.SkinType.DRY))
                .hasValue(42);
        assertThat(FollowUpTiming.rebookIntervalDays(false, null, List.of(oily, dry), null)).as("skin type unknown").hasValue(28);
        assertThat(FollowUpTiming.rebookIntervalDays(false, null, List.of(), null)).isEmpty();
        Instant visit = local("2026-03-20T15:00");
        assertThat(FollowUpTiming.rebookTime(visit, 14, BERLIN)).as("across the DST change, 10:00 local")
                .isEqualTo(local("2026-04-03T10:00"));
    }
}
