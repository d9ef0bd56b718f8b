package com.clearskin.licences;

import com.clearskin.catalog.Performer;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of licences, one small method each (docs/licences.md has the table with sources). Plain
 * Java: no Spring, no SQL.
 */
public final class LicenceRules {

    /** How many days before its expiry the clinic's owners are warned. */
    public static final int WARNING_DAYS = 30;
    /** The rule code of a booking refused because the licence for the treatment's level has expired. */
    public static final String EXPIRED = "licence-expired";
    /** The rule code of a booking refused because the clinic requires a verified licence and there is none. */
    public static final String NOT_VERIFIED = "licence-not-verified";

    /** What the rules need to know of one licence. */
    public record Fact(LicenceType type, LocalDate expiresOn, Review review) {
    }

    /** Why, and from when, a practitioner may not be booked: the last bookable day (null: none). */
    public record Bar(LocalDate lastBookableDay, String rule, String reason) {
    }

    private LicenceRules() {
    }

    /** A licence counts on {@code day} only when a platform reviewer verified it and it has not expired by then. */
    public static boolean counts(Fact licence, LocalDate day) {
        return licence.review() == Review.VERIFIED && !expired(licence, day);
    }

    /** A licence is expired on the days after its expiry date (the date itself is still valid). */
    public static boolean expired(Fact licence, LocalDate day) {
        return day.isAfter(licence.expiresOn());
    }

    /**
     * The licence level a treatment needs: the least qualified performer the scope of practice
     * allows (the client never needs a licence); empty when no licensed performer is named.
     */
    public static Optional<Performer> requiredLevel(Set<Performer> performers) {
        return performers.stream().filter(p -> p != Performer.SELF).min(Comparator.naturalOrder());
    }

    /** A licence is for a treatment when its level is one the treatment's scope of practice allows. */
    public static boolean isFor(LicenceType type, Set<Performer> performers) {
        return performers.contains(type.level());
    }

    /** The owners are warned from {@link #WARNING_DAYS} days before the expiry date up to the date itself. */
    public static boolean inWarningWindow(LocalDate expiresOn, LocalDate today) {
        return !today.isAfter(expiresOn) && !expiresOn.isAfter(today.plusDays(WARNING_DAYS));
    }

    /**
     * The owners are warned of a licence in its warning window unless it was rejected or a renewal
     * is already on file: another licence of the same type, not rejected, that expires later.
     */
    public static boolean warnsOfExpiry(Fact licence, Collection<Fact> sameHolder, LocalDate today) {
        if (licence.review() == Review.REJECTED || !inWarningWindow(licence.expiresOn(), today)) {
            return false;
        }
        return sameHolder.stream().noneMatch(o -> o.type() == licence.type() && o.review() != Review.REJECTED
                && o.expiresOn().isAfter(licence.expiresOn()));
    }

    /**
     * Whether, and from when, a practitioner may not be booked for a treatment that allows
     * {@code performers}, from their licences on file. Only licences for the treatment's level are
     * considered. A clinic that requires verification books only on days a verified licence counts;
     * one that does not refuses only when every licence on file (rejected ones aside) has expired:
     * with no licence on file the practitioner stays bookable there. Empty: bookable every day.
     */
    public static Optional<Bar> bar(Collection<Fact> licences, Set<Performer> performers, boolean verificationRequired) {
        Optional<Performer> level = requiredLevel(performers);
        if (level.isEmpty()) {
            return Optional.empty();
        }
        List<Fact> forIt = licences.stream().filter(l -> isFor(l.type(), performers)).toList();
        List<Fact> allowing = forIt.stream().filter(l -> verificationRequired ? l.review() == Review.VERIFIED
                : l.review() != Review.REJECTED).toList();
        String needed = level.get().label().toLowerCase(java.util.Locale.ROOT) + " licence or higher";
        if (allowing.isEmpty()) {
            if (!verificationRequired) {
                return Optional.empty();
            }
            return Optional.of(new Bar(null, NOT_VERIFIED, "This practitioner has no verified " + needed
                    + " for the treatment, and the clinic requires licences verified by Clearskin."));
        }
        LocalDate last = allowing.stream().map(Fact::expiresOn).max(Comparator.naturalOrder()).orElseThrow();
        return Optional.of(new Bar(last, EXPIRED, "This practitioner's " + needed + " for the treatment "
                + "is valid until " + last + " only: a renewed licence must be added"
                + (verificationRequired ? " and verified" : "") + " to book them after that day."));
    }
}
