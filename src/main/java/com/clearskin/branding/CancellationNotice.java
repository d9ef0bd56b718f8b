package com.clearskin.branding;

import com.clearskin.clinics.Clinic;

/**
 * How many hours before a start the clinic's clients may still cancel online: the default
 * cancellation policy says so. Implemented where the booking settings are read (so that branding
 * depends on no booking module); without an implementation the policy names 24 hours.
 */
public interface CancellationNotice {

    int clientCancelHours(Clinic clinic);
}
