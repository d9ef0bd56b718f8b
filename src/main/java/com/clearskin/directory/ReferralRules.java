package com.clearskin.directory;

import com.clearskin.booking.AppointmentStatus;
import java.util.Optional;

/** Which bookings through a referral link count, and how the link is remembered. */
public final class ReferralRules {

    private ReferralRules() {
    }

    /** A referral counts once its booking is confirmed: booked, checked in or completed. */
    public static boolean counts(AppointmentStatus status) {
        return status == AppointmentStatus.BOOKED || status == AppointmentStatus.CHECKED_IN
                || status == AppointmentStatus.COMPLETED;
    }

    /** A booking still waiting for the client's email confirmation. */
    public static boolean pending(AppointmentStatus status) {
        return status == AppointmentStatus.HELD;
    }

    /** The cookie's value for a clinic's link: "slug:code". */
    public static String cookieValue(String slug, String code) {
        return slug + ":" + code;
    }

    /** The code the cookie holds for this clinic (another clinic's link is not this clinic's referral). */
    public static Optional<String> codeFromCookie(String value, String slug) {
        if (value == null) {
            return Optional.empty();
        }
        int colon = value.lastIndexOf(':');
        if (colon < 0 || !value.substring(0, colon).equals(slug)) {
            return Optional.empty();
        }
        String code = value.substring(colon + 1);
        return Referrals.CODE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }
}
