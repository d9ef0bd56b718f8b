package com.clearskin.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the public directory may show about the licences of a clinic's practitioners, without the
 * directory knowing where licences are kept. Implemented by the licences module; when no bean of
 * this type exists, the directory shows every practitioner as "not verified" and the clinic's
 * {@code licencesVerified} as false (unknown is never yes).
 */
public interface PractitionerCredentials {

    /**
     * The licences of each practitioner of the clinic, as of {@code today}. A practitioner with no
     * licence on file may be absent from the map.
     */
    Map<UUID, List<Credential>> forClinic(UUID clinicId, LocalDate today);

    /** One licence as the public may see it: never the number or the document. */
    record Credential(String type, String typeLabel, String jurisdiction, LocalDate expiresOn, Standing standing) {

        /** Whether this licence counts: verified by the platform reviewer and not expired. */
        public boolean counts() {
            return standing == Standing.VERIFIED;
        }
    }

    /** Where a licence stands on a given day. */
    enum Standing {
        /** Verified by a platform reviewer and not expired on the day asked. */
        VERIFIED,
        /** Uploaded, waiting for a platform reviewer. */
        PENDING,
        /** Rejected by a platform reviewer (the note says why). */
        REJECTED,
        /** Was verified, but its expiry date has passed. */
        EXPIRED
    }
}
