package com.clearskin.publicbooking;

import com.clearskin.branding.ClinicProfile;
import com.clearskin.branding.ClinicProfiles;
import com.clearskin.clinics.Clinic;
import org.springframework.stereotype.Component;

/** How the clinic presents itself in the mail of public booking and sign-up: its own name, policy and contact. */
@Component
class ClinicFace {

    private final ClinicProfiles profiles;

    ClinicFace(ClinicProfiles profiles) {
        this.profiles = profiles;
    }

    String displayName(Clinic clinic) {
        return profiles.of(clinic).displayName();
    }

    String policyForMail(Clinic clinic) {
        ClinicProfile p = profiles.of(clinic);
        return "Cancellation policy: " + p.cancellationPolicy() + "\n\n";
    }

    String mailFooter(Clinic clinic) {
        ClinicProfile p = profiles.of(clinic);
        StringBuilder footer = new StringBuilder(p.displayName());
        if (p.address() != null) {
            footer.append("\n").append(p.address());
        }
        if (p.phone() != null) {
            footer.append("\n").append(p.phone());
        }
        return footer.append("\n").toString();
    }
}
