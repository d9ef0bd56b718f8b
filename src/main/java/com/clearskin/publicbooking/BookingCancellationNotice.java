package com.clearskin.publicbooking;

import com.clearskin.branding.CancellationNotice;
import com.clearskin.clinics.Clinic;
import com.clearskin.resources.ClinicResources;
import org.springframework.stereotype.Component;

/** The clinic's online cancellation notice from its booking settings, for its default policy sentence. */
@Component
class BookingCancellationNotice implements CancellationNotice {

    private final ClinicResources resources;

    BookingCancellationNotice(ClinicResources resources) {
        this.resources = resources;
    }

    @Override
    public int clientCancelHours(Clinic clinic) {
        return resources.schedule(clinic).settings().clientCancelHours();
    }
}
