package com.clearskin.catalog;

import com.clearskin.platform.Coded;

/** Where a treatment happens. */
public enum Setting implements Coded {
    CLINIC("In clinic"),
    HOME("At home");

    private final String label;

    Setting(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
