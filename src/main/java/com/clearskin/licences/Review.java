package com.clearskin.licences;

import com.clearskin.platform.Coded;
import java.util.Optional;

/** Where the platform reviewer's review of a licence stands: the latest decision, or none yet. */
public enum Review implements Coded {
    PENDING("Waiting for review"),
    VERIFIED("Verified"),
    REJECTED("Rejected");

    private final String label;

    Review(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<Review> fromCode(String code) {
        return Coded.find(Review.class, code);
    }
}
