package com.clearskin.waitlist;

import com.clearskin.platform.ConflictException;
import com.clearskin.resources.DateSpan;
import java.time.Instant;
import java.util.UUID;

/**
 * A client waiting for a treatment within a window of local dates, optionally with one practitioner.
 * The transitions refuse moves the status does not allow; each returns the changed entry.
 */
public record WaitlistEntry(UUID id, UUID clientId, String treatment, UUID practitionerId, DateSpan window,
        WaitlistStatus status, Offer offer, UUID appointmentId, Instant createdAt, Instant updatedAt) {

    public WaitlistEntry {
        if ((status == WaitlistStatus.OFFERED) != (offer != null)) {
            throw new IllegalArgumentException("An entry holds an offer exactly while it is offered: " + status);
        }
    }

    /** Holds a freed time for the client. */
    public WaitlistEntry offered(Offer newOffer, Instant now) {
        require(WaitlistStatus.OFFERED, "offer a time to");
        return with(WaitlistStatus.OFFERED, newOffer, appointmentId, now);
    }

    /** The offer is taken up: the appointment is booked. Refused once the offer has lapsed. */
    public WaitlistEntry booked(UUID appointment, Instant now) {
        require(WaitlistStatus.BOOKED, "book");
        requireLiveOffer(now);
        return with(WaitlistStatus.BOOKED, null, appointment, now);
    }

    /** The client said no, let the offer lapse, or the time was taken meanwhile: back in line. */
    public WaitlistEntry backInLine(Instant now) {
        require(WaitlistStatus.WAITING, "put back in line");
        return with(WaitlistStatus.WAITING, null, appointmentId, now);
    }

    public WaitlistEntry cancelled(Instant now) {
        require(WaitlistStatus.CANCELLED, "cancel");
        return with(WaitlistStatus.CANCELLED, null, appointmentId, now);
    }

    /** The window has passed without a booking. */
    public WaitlistEntry expired(Instant now) {
        require(WaitlistStatus.EXPIRED, "expire");
        return with(WaitlistStatus.EXPIRED, null, appointmentId, now);
    }

    /** An accept or decline must meet an offer that still stands. */
    public Offer requireLiveOffer(Instant now) {
        if (status != WaitlistStatus.OFFERED) {
            throw new ConflictException("This waitlist entry has no open offer (it is " + status.label().toLowerCase()
                    + ").");
        }
        if (!offer.isLiveAt(now)) {
            throw new ConflictException("The offer lapsed at " + offer.expiresAt() + "; it passes to the next in line.");
        }
        return offer;
    }

    private void require(WaitlistStatus target, String action) {
        if (!status.canMoveTo(target)) {
            throw new ConflictException("A waitlist entry that is " + status.label().toLowerCase() + " cannot "
                    + action + ".");
        }
    }

    private WaitlistEntry with(WaitlistStatus newStatus, Offer newOffer, UUID appointment, Instant now) {
        return new WaitlistEntry(id, clientId, treatment, practitionerId, window, newStatus, newOffer, appointment,
                createdAt, now);
    }
}
