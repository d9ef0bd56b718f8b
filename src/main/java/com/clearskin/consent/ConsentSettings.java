package com.clearskin.consent;

/**
 * The clinic's consent settings, kept in the one store of clinic settings (kind
 * {@code consent-rules}): how many months a new form's signatures hold unless the form says.
 */
public record ConsentSettings(int validMonths) {

    /** The shipped default: a signature holds 12 months. */
    public static ConsentSettings defaults() {
        return new ConsentSettings(ConsentRules.DEFAULT_VALID_MONTHS);
    }
}
