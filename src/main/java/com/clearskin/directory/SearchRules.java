package com.clearskin.directory;

import com.clearskin.directory.SearchQuery.Point;
import com.clearskin.directory.SearchQuery.Sort;
import com.clearskin.platform.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of a directory search, one method each: how every parameter is read, and which ones
 * need another. A wrong value is a 400 naming the parameter and saying what would be right.
 */
public final class SearchRules {

    /** The farthest a search reaches, in kilometres. */
    public static final double MAX_RADIUS_KM = 500;
    /** The radius when the client gives a position and no radius. */
    public static final double DEFAULT_RADIUS_KM = 50;
    /** How many days ahead the first free time is looked for (and how far {@code availableBy} may be). */
    public static final int LOOK_AHEAD_DAYS = 14;
    /** The most characters of free text. */
    public static final int MAX_QUERY = 100;
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 50;
    private static final Pattern TREATMENT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final BigDecimal MAX_PRICE = new BigDecimal("100000");

    private SearchRules() {
    }

    /** Reads every parameter of a search (each may be null or blank: not given), as of the client's {@code today}. */
    public static SearchQuery parse(String treatment, String near, String radiusKm, String q, String maxPrice,
            String availableBy, String sort, String page, String size, LocalDate today) {
        Point point = near(near);
        Double radius = radiusKm(radiusKm, point);
        String code = treatment(treatment);
        BigDecimal price = maxPrice(maxPrice, code);
        LocalDate by = availableBy(availableBy, code, today);
        return new SearchQuery(point, radius, code, price, by, q(q), sort(sort, point, code), page(page),
                size(size));
    }

    /** {@code near=LAT,LNG}: two decimal numbers, latitude -90..90 and longitude -180..180. */
    static Point near(String text) {
        if (blank(text)) {
            return null;
        }
        String[] parts = text.strip().split(",", -1);
        if (parts.length != 2) {
            throw new InvalidInputException("near", "is LAT,LNG in decimal degrees, for example 48.8566,2.3522");
        }
        double lat = number("near", parts[0], "latitude");
        double lng = number("near", parts[1], "longitude");
        ListingRules.latitude("near", lat);
        ListingRules.longitude("near", lng);
        return new Point(lat, lng);
    }

    /** {@code radiusKm}: more than 0 and at most 500, and only with {@code near}; 50 when not given. */
    static Double radiusKm(String text, Point near) {
        if (blank(text)) {
            return near == null ? null : DEFAULT_RADIUS_KM;
        }
        double radius = number("radiusKm", text, "radius");
        if (radius <= 0 || radius > MAX_RADIUS_KM) {
            throw new InvalidInputException("radiusKm", "is more than 0 and at most " + (int) MAX_RADIUS_KM + " km");
        }
        if (near == null) {
            throw new InvalidInputException("radiusKm", "needs near=LAT,LNG (where to measure from)");
        }
        return radius;
    }

    /** {@code treatment}: a treatment code (lower-case letters, digits and hyphens). */
    static String treatment(String text) {
        if (blank(text)) {
            return null;
        }
        String code = text.strip();
        if (!TREATMENT.matcher(code).matches()) {
            throw new InvalidInputException("treatment", "is a treatment code such as extraction-facial");
        }
        return code;
    }

    /** {@code maxPrice}: a price of one session, 0 or more, and only with {@code treatment}. */
    static BigDecimal maxPrice(String text, String treatment) {
        if (blank(text)) {
            return null;
        }
        BigDecimal price;
        try {
            price = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("maxPrice", "is a number, for example 80");
        }
        if (price.signum() < 0 || price.compareTo(MAX_PRICE) > 0) {
            throw new InvalidInputException("maxPrice", "is between 0 and " + MAX_PRICE.toPlainString());
        }
        if (treatment == null) {
            throw new InvalidInputException("maxPrice", "needs treatment (prices are per treatment)");
        }
        return price;
    }

    /** {@code availableBy}: a date (YYYY-MM-DD) from today to 14 days ahead, and only with {@code treatment}. */
    static LocalDate availableBy(String text, String treatment, LocalDate today) {
        if (blank(text)) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("availableBy", "is a date (YYYY-MM-DD)");
        }
        if (date.isBefore(today) || date.isAfter(today.plusDays(LOOK_AHEAD_DAYS))) {
            throw new InvalidInputException("availableBy", "is a date from today (" + today + ") to "
                    + today.plusDays(LOOK_AHEAD_DAYS));
        }
        if (treatment == null) {
            throw new InvalidInputException("availableBy", "needs treatment (free times are per treatment)");
        }
        return date;
    }

    /** {@code q}: words to find in a clinic's name or city, at most 100 characters. */
    static String q(String text) {
        if (blank(text)) {
            return null;
        }
        String words = text.strip();
        if (words.length() > MAX_QUERY) {
            throw new InvalidInputException("q", "is at most " + MAX_QUERY + " characters");
        }
        return words;
    }

    /**
     * {@code sort}: distance, rating, price or soonest. Distance needs {@code near}; price and
     * soonest need {@code treatment}. Not given: distance with a position, rating without.
     */
    static Sort sort(String text, Point near, String treatment) {
        if (blank(text)) {
            return near != null ? Sort.DISTANCE : Sort.RATING;
        }
        Sort sort;
        try {
            sort = Sort.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("sort", "is one of distance, rating, price, soonest");
        }
        if (sort == Sort.DISTANCE && near == null) {
            throw new InvalidInputException("sort", "distance needs near=LAT,LNG");
        }
        if ((sort == Sort.PRICE || sort == Sort.SOONEST) && treatment == null) {
            throw new InvalidInputException("sort", sort.code() + " needs treatment");
        }
        return sort;
    }

    /** {@code page}: 0 or more (the first page is 0). */
    static int page(String text) {
        if (blank(text)) {
            return 0;
        }
        int page = integer("page", text);
        if (page < 0 || page > 10_000) {
            throw new InvalidInputException("page", "is 0 or more (the first page is 0)");
        }
        return page;
    }

    /** {@code size}: 1 to 50 clinics a page, 20 when not given. */
    static int size(String text) {
        if (blank(text)) {
            return DEFAULT_SIZE;
        }
        int size = integer("size", text);
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "is 1 to " + MAX_SIZE);
        }
        return size;
    }

    private static double number(String field, String text, String what) {
        try {
            double value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "the " + what + " '" + text.strip() + "' is not a decimal number");
        }
    }

    private static int integer(String field, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "is a whole number");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
