package com.clearskin.resources;

/**
 * A clinic's booking settings (table clinic_schedule): the slot grid, the least notice and the
 * furthest date a booking may have, how many hours before the start a client may still cancel, how
 * long a waitlist offer stands, and the revision that changes with every resource change. A clinic
 * without a row has the defaults (revision 0).
 */
public record ScheduleSettings(int slotMinutes, int minNoticeMinutes, int horizonDays, int clientCancelHours,
        int waitlistOfferMinutes, int revision) {

    public static final ScheduleSettings DEFAULTS = new ScheduleSettings(15, 60, 92, 24, 120, 0);

    /** Whether the settings come from a stored row (a revision that changes when the resources do). */
    public boolean stored() {
        return revision > 0;
    }
}
