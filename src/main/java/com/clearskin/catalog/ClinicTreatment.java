package com.clearskin.catalog;

import java.time.Instant;
import java.util.UUID;

/** A clinic's own copy of a treatment, with where it came from and how often it changed. */
public record ClinicTreatment(UUID clinicId, Treatment treatment, String defaultVersion, boolean customized,
        boolean active, int revision, Instant updatedAt) {

    public String code() {
        return treatment.code();
    }
}
