package com.clearskin.accounts;

import com.clearskin.platform.Coded;
import java.util.Optional;
import java.util.Set;

/** A person's role in one clinic. */
public enum Role implements Coded {
    OWNER("Owner"),
    ADMIN("Admin"),
    PRACTITIONER("Practitioner"),
    FRONT_DESK("Front desk"),
    CLIENT("Client");

    /** Roles that may change the clinic's catalog and settings. */
    public static final Set<Role> CLINIC_ADMINS = Set.of(OWNER, ADMIN);
    /** Every role that works at the clinic. */
    public static final Set<Role> STAFF = Set.of(OWNER, ADMIN, PRACTITIONER, FRONT_DESK);

    private final String label;

    Role(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<Role> fromCode(String code) {
        return Coded.find(Role.class, code);
    }
}
