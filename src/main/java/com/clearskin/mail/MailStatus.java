package com.clearskin.mail;

import com.clearskin.platform.Coded;
import java.util.Optional;

/** Where a message is on its way: pending (waiting, maybe to be retried), sending (leased), sent, failed (gave up). */
public enum MailStatus implements Coded {
    PENDING("Waiting"),
    SENDING("Sending"),
    SENT("Sent"),
    FAILED("Failed");

    private final String label;

    MailStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<MailStatus> fromCode(String code) {
        return Coded.find(MailStatus.class, code);
    }
}
