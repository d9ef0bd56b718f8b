package com.clearskin.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What any input must be before it reaches arithmetic or SQL, whatever it is for: text without NUL
 * (PostgreSQL refuses it in {@code text} and {@code jsonb}), and dates and instants within the years
 * {@value #FIRST_YEAR} to {@value #LAST_YEAR} (a birth date, a treatment date and a booking all lie in
 * them; {@code +999999999-12-31} lies outside every clinic's horizon and overflows date arithmetic).
 */
public final class InputRules {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;
    public static final String NUL_REASON = "must not contain a NUL character";
    public static final String DATE_REASON = "must be a date from " + FIRST_YEAR + " to " + LAST_YEAR;
    private static final Instant FIRST_INSTANT = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LAST_INSTANT = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC)
            .toInstant();

    private InputRules() {
    }

    /** Text may hold any character but NUL (U+0000). */
    public static boolean containsNul(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\u0000') {
                return true;
            }
        }
        return false;
    }

    /** The text, or an {@link InvalidInputException} naming {@code field} when it holds a NUL. */
    public static String withoutNul(String field, String text) {
        if (containsNul(text)) {
            throw new InvalidInputException(field, NUL_REASON);
        }
        return text;
    }

    /** A date lies in the years {@value #FIRST_YEAR} to {@value #LAST_YEAR}. */
    public static boolean isSaneDate(LocalDate date) {
        return date == null || date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
    }

    /** An instant lies in the years {@value #FIRST_YEAR} to {@value #LAST_YEAR} (UTC). */
    public static boolean isSaneInstant(Instant instant) {
        return instant == null || !instant.isBefore(FIRST_INSTANT) && instant.isBefore(AFTER_LAST_INSTANT);
    }

    /** The date, or an {@link InvalidInputException} naming {@code field} when it lies outside the sane years. */
    public static LocalDate saneDate(String field, LocalDate date) {
        if (!isSaneDate(date)) {
            throw new InvalidInputException(field, DATE_REASON);
        }
        return date;
    }

    /** The instant, or an {@link InvalidInputException} naming {@code field} when it lies outside the sane years. */
    public static Instant saneInstant(String field, Instant instant) {
        if (!isSaneInstant(instant)) {
            throw new InvalidInputException(field, DATE_REASON);
        }
        return instant;
    }
}
