package com.clearskin.accounts;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** A person's role in one clinic. */
public enum Role {
    OWNER("owner", "Owner"),
    ADMIN("admin", "Admin"),
    PRACTITIONER("practitioner", "Practitioner"),
    FRONT_DESK("front-desk", "Front desk"),
    CLIENT("client", "Client");

    /** Roles that may change the clinic's catalog and settings. */
    public static final Set<Role> CLINIC_ADMINS = Set.of(OWNER, ADMIN);
    /** Every role that works at the clinic. */
    public static final Set<Role> STAFF = Set.of(OWNER, ADMIN, PRACTITIONER, FRONT_DESK);

    private final String code;
    private final String label;

    Role(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
