package com.clearskin.booking;

import com.clearskin.booking.engine.AvailabilityEngine;
import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.RuleRefusedException;
import com.clearskin.resources.ClinicHours;
import com.clearskin.resources.DateSpan;
import com.clearskin.resources.WeeklyInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The checks a booking, a move or a cancellation passes before anything is written, one named
 * method each. Plain Java: the callers load what they need.
 */
public final class BookingGuards {

    private BookingGuards() {
    }

    /** A start on the clinic's slot grid, in its local time. */
    public static void startIsOnGrid(ClinicHours hours, Instant start) {
        if (!AvailabilityEngine.onGrid(hours, start)) {
            throw new InvalidInputException("start", "must be on the clinic's " + hours.slotMinutes()
                    + "-minute grid in its time zone (" + hours.zone().getId() + ")");
        }
    }

    /** A start that has not passed. */
    public static void startIsNotPast(Instant start, Instant now) {
        if (!start.isAfter(now)) {
            throw new InvalidInputException("start", "is in the past");
        }
    }

    /** A start at least the clinic's least notice from now. */
    public static void startGivesNotice(Instant start, Instant now, int minNoticeMinutes) {
        if (start.isBefore(now.plus(Duration.ofMinutes(minNoticeMinutes)))) {
            throw new InvalidInputException("start", "must be at least " + minNoticeMinutes
                    + " minutes from now (the clinic's least notice)");
        }
    }

    /** A start no later than the clinic's booking horizon (local date). */
    public static void startIsWithinHorizon(Instant start, LocalDate today, ClinicHours hours, int horizonDays) {
        LocalDate last = today.plusDays(horizonDays);
        if (LocalDate.ofInstant(start, hours.zone()).isAfter(last)) {
            throw new InvalidInputException("start", "is beyond the clinic's booking horizon (" + last + ")");
        }
    }

    /**
     * A client's treatment lies within the clinic's opening hours on an open day (its local time):
     * otherwise the refusal says so, instead of calling the time taken.
     */
    public static void startIsWithinOpeningHours(ClinicHours hours, Instant start, int minutes) {
        java.time.ZonedDateTime local = start.atZone(hours.zone());
        java.time.LocalDate day = local.toLocalDate();
        java.time.format.DateTimeFormatter date = java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
                java.util.Locale.US);
        for (DateSpan closure : hours.closures()) {
            if (closure.contains(day)) {
                throw new InvalidInputException("start", "The clinic is closed on " + date.format(day)
                        + ". Please choose another day.");
            }
        }
        java.time.LocalTime from = local.toLocalTime();
        java.time.ZonedDateTime endLocal = start.plus(Duration.ofMinutes(minutes)).atZone(hours.zone());
        List<WeeklyInterval> today = hours.opening().stream().filter(i -> i.weekday() == day.getDayOfWeek()).toList();
        boolean inside = endLocal.toLocalDate().equals(day) && today.stream()
                .anyMatch(i -> !from.isBefore(i.start()) && !endLocal.toLocalTime().isAfter(i.end()));
        if (!inside) {
            String weekday = day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.US);
            throw new InvalidInputException("start", today.isEmpty()
                    ? "The clinic is closed on " + weekday + "s. Please choose another day."
                    : "That time is outside the clinic's opening hours (" + weekday + "s "
                            + String.join(", ", today.stream().map(i -> i.start() + "-" + i.end()).toList())
                            + "). Please choose a time within them.");
        }
    }

    /**
     * What the treatment rules found, for a time held on the public page: an {@code excluded}
     * refuses it in the client's own words; the cautions are returned, to be noted for the
     * practitioner (who reviews them before the visit).
     */
    public static List<RuleFinding> holdAllows(List<RuleFinding> findings) {
        for (RuleFinding finding : findings) {
            if (finding.excluded()) {
                throw new RuleRefusedException(finding.rule(), finding.message(), finding.allowedFrom());
            }
        }
        return findings;
    }

    /** A client books, moves and cancels only for their own client record; staff for anyone. */
    public static void bookerMayActFor(Booker booker, UUID ownClient, UUID client) {
        if (booker.isStaff()) {
            return;
        }
        if (ownClient == null || !ownClient.equals(client)) {
            throw new ForbiddenException("A client may book and change only their own appointments.");
        }
    }

    /** A client cancels (or moves) no later than the clinic's cancellation notice before the start; staff any time. */
    public static void clientCancelsInTime(Booker booker, Instant start, Instant now, int clientCancelHours) {
        if (booker.isStaff()) {
            return;
        }
        Instant deadline = start.minus(Duration.ofHours(clientCancelHours));
        if (now.isAfter(deadline)) {
            throw new RuleRefusedException("cancellation-notice", "Appointments can be cancelled or moved online "
                    + "until " + clientCancelHours + " hours before they start; please call the clinic.", null);
        }
    }

    /**
     * What the treatment rules found: an {@code excluded} refuses the booking; a {@code caution}
     * refuses it unless a staff member gives a reason to go ahead. Returns the override reason to
     * record (null when none was needed). A booker who may not read the client's medical answers
     * ({@code readsMedicalAnswers} false) is told only the rule, in neutral words
     * ({@link RuleFinding#withoutMedicalDetails()}).
     */
    public static String rulesAllow(List<RuleFinding> findings, Booker booker, String overrideReason,
            boolean readsMedicalAnswers) {
        for (RuleFinding found : findings) {
            RuleFinding finding = found.shownTo(readsMedicalAnswers);
            if (finding.excluded()) {
                throw new RuleRefusedException(finding.rule(), finding.message(), finding.allowedFrom());
            }
        }
        String reason = overrideReason == null || overrideReason.isBlank() ? null : overrideReason.strip();
        for (RuleFinding found : findings) {
            RuleFinding finding = found.shownTo(readsMedicalAnswers);
            if (!booker.isStaff() || reason == null) {
                throw new RuleRefusedException(finding.rule(), finding.message()
                        + (booker.isStaff() ? " Staff may go ahead with a reason (overrideReason)." : ""),
                        finding.allowedFrom());
            }
        }
        return findings.isEmpty() ? null : reason;
    }
}
