package com.clearskin.audit;

import com.clearskin.platform.Coded;

/** Whether the recorded action happened or was refused. */
public enum AuditOutcome implements Coded {
    SUCCEEDED("Succeeded"),
    REFUSED("Refused");

    private final String label;

    AuditOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
