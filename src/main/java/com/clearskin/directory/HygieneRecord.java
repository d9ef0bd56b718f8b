package com.clearskin.directory;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What a clinic's public profile may show of its instrument hygiene, without the directory knowing
 * where it is kept: implemented by the hygiene module, empty unless the clinic chose to show it.
 */
public interface HygieneRecord {

    Optional<Shown> forClinic(UUID clinicId);

    /**
     * The facts shown: how many sterilizers, how many in service, the last passing spore test across
     * them, and whether every sterilizer in service has had its weekly spore test.
     */
    record Shown(int sterilizers, int inService, Instant lastPassingSporeTest, boolean sporeTestsUpToDate) {
    }
}
