package com.clearskin.booking;

import com.clearskin.platform.ForbiddenException;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.RuleRefusedException;
import com.clearskin.resources.ClinicHours;
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
