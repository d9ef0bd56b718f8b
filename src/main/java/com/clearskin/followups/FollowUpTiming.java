package com.clearskin.followups;

import com.clearskin.catalog.SkinType;
import com.clearskin.catalog.Treatment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * When follow-up messages fall due: plain rules on instants and the clinic's time zone, no Spring,
 * no SQL. Days are counted in the clinic's calendar (a reminder "1 day before" a 10:00 visit is at
 * 10:00 the local day before, also across a daylight-saving change, when that is 23 or 25 hours).
 */
public final class FollowUpTiming {

    /** Check-ins go out at this local time on their day. */
    public static final LocalTime CHECK_IN_AT = LocalTime.of(10, 0);

    private FollowUpTiming() {
    }

    /**
     * Reminders: {@code days} local days before the start, at the start's local time; a reminder
     * whose time has already passed when booking (booked 2 days ahead: no 3-day reminder) is not sent.
     */
    public static List<Instant> reminderTimes(Instant start, List<Integer> days, ZoneId zone, Instant now) {
        List<Instant> times = new ArrayList<>();
        ZonedDateTime local = start.atZone(zone);
        for (int d : days.stream().distinct().sorted().toList()) {
            Instant at = local.minusDays(d).toInstant();
            if (at.isAfter(now) && at.isBefore(start)) {
                times.add(at);
            }
        }
        times.sort(null);
        return times;
    }

    /** Whether {@code at} falls in the quiet hours (from..until local time, wrapping midnight when from > until). */
    public static boolean inQuietHours(Instant at, ZoneId zone, LocalTime from, LocalTime until) {
        LocalTime t = at.atZone(zone).toLocalTime();
        if (from.equals(until)) {
            return false;
        }
        return from.isBefore(until) ? !t.isBefore(from) && t.isBefore(until) : !t.isBefore(from) || t.isBefore(until);
    }

    /**
     * When a message due at {@code due} may go out: at once unless it is non-urgent and due in quiet
     * hours, then at the end of the quiet hours (the next {@code until} local time).
     */
    public static Instant sendAt(Instant due, boolean urgent, ZoneId zone, LocalTime from, LocalTime until) {
        if (urgent || !inQuietHours(due, zone, from, until)) {
            return due;
        }
        ZonedDateTime local = due.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(until) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return day.atTime(until).atZone(zone).toInstant();
    }

    /**
     * The days after a visit a check-in is asked, from the treatment's downtime: none downtime or a day
     * at most (a facial): day 1; longer (peels, microneedling): days 1, 3 and 7.
     */
    public static List<Integer> checkInDays(int downtimeMaxDays) {
        return downtimeMaxDays <= 1 ? List.of(1) : List.of(1, 3, 7);
    }

    /** A check-in on local day {@code day} after the visit, at {@link #CHECK_IN_AT}. */
    public static Instant checkInTime(Instant visit, int day, ZoneId zone) {
        return visit.atZone(zone).toLocalDate().plusDays(day).atTime(CHECK_IN_AT).atZone(zone).toInstant();
    }

    /**
     * When rebooking falls due: the course's interval after the visit when the course goes on, else
     * the maintenance cadence's shortest interval for the skin type; at {@link #CHECK_IN_AT} local time.
     */
    public static Instant rebookTime(Instant visit, int intervalDays, ZoneId zone) {
        return visit.atZone(zone).toLocalDate().plusDays(intervalDays).atTime(CHECK_IN_AT).atZone(zone).toInstant();
    }

    /** How long an emailed check-in link works after it was sent: the recovery's first fortnight. */
    public static final java.time.Duration CHECK_IN_LINK_LIFE = java.time.Duration.ofDays(14);

    /**
     * When a link before the visit (confirm, cancel, reschedule) stops working: at the start of the
     * visit, when none of them makes sense any more.
     */
    public static Instant visitLinkExpiry(Instant visitStart) {
        return visitStart;
    }

    /** When an emailed check-in link stops working: {@link #CHECK_IN_LINK_LIFE} after it was sent. */
    public static Instant checkInLinkExpiry(Instant sentAt) {
        return sentAt.plus(CHECK_IN_LINK_LIFE);
    }

    /** Before-care goes out at least this many days before the visit ("no sun in the days before"). */
    public static final int BEFORE_CARE_MIN_DAYS = 2;

    /**
     * When before-care goes out: early enough to follow it, the day before the treatment's retinoid
     * pause begins (a pause of 3 days: 4 days before), and at least {@link #BEFORE_CARE_MIN_DAYS} days
     * before, at {@link #CHECK_IN_AT} local time; at once when that time has passed at booking.
     */
    public static Instant beforeCareTime(Instant visit, int retinoidPauseDays, ZoneId zone, Instant now) {
        int days = Math.max(BEFORE_CARE_MIN_DAYS, retinoidPauseDays + 1);
        Instant at = visit.atZone(zone).toLocalDate().minusDays(days).atTime(CHECK_IN_AT).atZone(zone).toInstant();
        return at.isBefore(now) ? now : at;
    }

    /**
     * The days from a visit until the next session falls due: the course's shortest interval when the
     * visit is part of a course; otherwise the maintenance cadence for the client's skin type (a cadence
     * naming no skin type is for all), or the shortest cadence when the skin type is not known; none
     * when the treatment has neither (seed 001: maintenance by skin type keeps pores clear).
     */
    public static OptionalInt rebookIntervalDays(boolean inCourse, Treatment.Course course,
            List<Treatment.Cadence> cadence, SkinType skinType) {
        if (inCourse && course != null) {
            return OptionalInt.of(course.intervalDaysMin());
        }
        List<Treatment.Cadence> all = cadence == null ? List.of() : cadence;
        Stream<Treatment.Cadence> fitting = all.stream()
                .filter(c -> skinType == null || c.skinTypes().isEmpty() || c.skinTypes().contains(skinType));
        return fitting.mapToInt(Treatment.Cadence::intervalDaysMin).min();
    }
}
