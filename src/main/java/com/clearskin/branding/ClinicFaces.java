package com.clearskin.branding;

import com.clearskin.clinics.Clinic;
import org.springframework.stereotype.Component;

/**
 * The clinic's face for templates ({@code @clinicFaces}): the name its clients know it by, and
 * the whole profile.
 */
@Component("clinicFaces")
public class ClinicFaces {

    private final ClinicProfiles profiles;

    ClinicFaces(ClinicProfiles profiles) {
        this.profiles = profiles;
    }

    public String displayName(Clinic clinic) {
        return clinic == null ? "Clearskin" : profiles.of(clinic).displayName();
    }

    public ClinicProfile profile(Clinic clinic) {
        return profiles.of(clinic);
    }
}
