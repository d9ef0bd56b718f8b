package com.clearskin.followups;

import java.util.Arrays;
import java.util.Optional;

/** What a follow-up message is for, with its code in the API. */
public enum FollowUpKind {
    CONFIRMATION("confirmation", true),
    REMINDER("reminder", false),
    BEFORE_CARE("before-care", false),
    AFTERCARE("aftercare", true),
    CHECK_IN("check-in", false),
    REBOOK("rebook", false);

    private final String code;
    private final boolean urgent;

    FollowUpKind(String code, boolean urgent) {
        this.code = code;
        this.urgent = urgent;
    }

    public String code() {
        return code;
    }

    /** Whether quiet hours may hold it back: a confirmation or aftercare goes out at once, the rest wait for morning. */
    public boolean urgent() {
        return urgent;
    }

    public static Optional<FollowUpKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
