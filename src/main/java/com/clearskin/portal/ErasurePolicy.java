package com.clearskin.portal;

import java.util.List;

/**
 * What an erasure removes and what it keeps, in words for the client and the clinic. Plain Java:
 * the portal shows it before the request, and the decision stores it.
 */
public final class ErasurePolicy {

    private ErasurePolicy() {
    }

    /** What is erased when the clinic confirms. */
    public static List<String> erased() {
        return List.of(
                "your name, email address, phone number and date of birth (replaced by a placeholder)",
                "your sign-in to the clinic's portal (your membership as its client ends)",
                "your upcoming appointments (cancelled) and your waitlist places",
                "your calendar feeds");
    }

    /** What is kept, and why. */
    public static List<String> kept(RetentionSettings retention) {
        String why = "kept for " + retention.retentionYears() + " years after your last treatment, as "
                + retention.retentionLaw() + " requires, then deleted";
        return List.of(
                "your treatment record: the dates, treatments and practitioners of past appointments (" + why + ")",
                "your skin assessments and medical answers the clinic relied on to treat you (" + why + ")",
                "the audit log of who looked at your health data (kept as evidence that it was protected)");
    }

    /** The decision text stored with a confirmed request. */
    public static String confirmation(RetentionSettings retention) {
        return "Erased: " + String.join("; ", erased()) + ". Kept: " + String.join("; ", kept(retention)) + ".";
    }
}
