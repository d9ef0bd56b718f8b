package com.clearskin.consent;

/**
 * The client's photo choices on a consent, two separate answers: photos of their skin may be kept in
 * their clinical record, and, only with that, also used in the clinic's marketing. Fields arrive as
 * given (null when left out) so each wrong one is named.
 */
public record PhotoConsent(Boolean record, Boolean marketing) {
}
