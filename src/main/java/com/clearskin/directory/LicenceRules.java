package com.clearskin.directory;

import com.clearskin.directory.PractitionerCredentials.Credential;
import com.clearskin.directory.PractitionerCredentials.Standing;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the directory says about licences, from the credentials the licences module gives (none: unknown). */
public final class LicenceRules {

    private LicenceRules() {
    }

    /**
     * A clinic's {@code licencesVerified}: it has practitioners for what is asked, and every one holds
     * at least one licence that counts (verified, not expired). Unknown is never yes.
     */
    public static boolean allVerified(Collection<UUID> practitioners, Map<UUID, List<Credential>> credentials) {
        if (practitioners.isEmpty()) {
            return false;
        }
        return practitioners.stream().allMatch(p -> counts(credentials.getOrDefault(p, List.of())));
    }

    /** Whether one practitioner's licences include one that counts. */
    public static boolean counts(List<Credential> licences) {
        return licences.stream().anyMatch(Credential::counts);
    }

    /** The words a client reads next to a practitioner: verified, expired, awaiting verification, or not verified. */
    public static String status(List<Credential> licences) {
        if (counts(licences)) {
            return "Licence verified";
        }
        if (licences.stream().anyMatch(c -> c.standing() == Standing.EXPIRED)) {
            return "Licence expired";
        }
        if (licences.stream().anyMatch(c -> c.standing() == Standing.PENDING)) {
            return "Licence awaiting verification";
        }
        return "Licence not verified";
    }
}
