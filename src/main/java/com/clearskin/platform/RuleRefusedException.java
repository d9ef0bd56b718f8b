package com.clearskin.platform;

import java.time.LocalDate;

/**
 * A well-formed request that a domain rule refuses (422): the rule's code, a sentence that says
 * why, and the first date the rule allows it, when there is one.
 */
public class RuleRefusedException extends RuntimeException {

    private final String rule;
    private final LocalDate allowedFrom;

    public RuleRefusedException(String rule, String message, LocalDate allowedFrom) {
        super(message);
        this.rule = rule;
        this.allowedFrom = allowedFrom;
    }

    public String rule() {
        return rule;
    }

    /** The first local date the rule allows, or null when no date will (an absolute contraindication). */
    public LocalDate allowedFrom() {
        return allowedFrom;
    }
}
