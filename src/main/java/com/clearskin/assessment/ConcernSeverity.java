package com.clearskin.assessment;

import com.clearskin.platform.Coded;

/** How severe a client's concern is; a concern whose severity is not given is moderate. */
public enum ConcernSeverity implements Coded {
    MILD("Mild"),
    MODERATE("Moderate"),
    SEVERE("Severe");

    private final String label;

    ConcernSeverity(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
