package com.clearskin.accounts;

import com.clearskin.platform.Coded;
import java.util.Optional;

/**
 * What a Clearskin operator does for the whole platform, whatever clinic: held on the account, never
 * through a clinic membership, so no clinic can grant it and holding it grants nothing in a clinic.
 */
public enum PlatformRole implements Coded {
    /**
     * The platform reviewer: verifies or rejects the licences practitioners upload, with a note, and
     * answers reports of abusive reviews (may hide one, with a recorded reason).
     */
    LICENCE_REVIEWER("Platform reviewer");

    private final String label;

    PlatformRole(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<PlatformRole> fromCode(String code) {
        return Coded.find(PlatformRole.class, code);
    }
}
