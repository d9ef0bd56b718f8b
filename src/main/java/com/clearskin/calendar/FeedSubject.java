package com.clearskin.calendar;

import com.clearskin.platform.Coded;
import java.util.Optional;

/** Whose appointments a feed shows. */
public enum FeedSubject implements Coded {
    PRACTITIONER("Practitioner"),
    CLIENT("Client");

    private final String label;

    FeedSubject(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<FeedSubject> fromCode(String code) {
        return Coded.find(FeedSubject.class, code);
    }
}
