package com.clearskin.catalog;

import com.clearskin.platform.Coded;

/** A part of the body a treatment is done on. */
public enum BodyArea implements Coded {
    FACE("Face"),
    NECK("Neck"),
    CHEST("Chest"),
    BACK("Back"),
    SHOULDERS("Shoulders"),
    ARMS("Arms"),
    HANDS("Hands");

    private final String label;

    BodyArea(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
