package com.clearskin.catalog;

import com.clearskin.platform.Coded;

/** The kind of treatment. */
public enum Category implements Coded {
    FACIAL("Facial"),
    EXFOLIATION("Exfoliation"),
    PEEL("Chemical peel"),
    RESURFACING("Resurfacing"),
    LIGHT("Light therapy"),
    DEVICE("Device"),
    HOME_CARE("Home care");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
