package com.clearskin.branding;

import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The clinic profile as the API and the settings form send it: text everywhere, each wrong field
 * refused by its name with the reason; the colours are refused when they fail WCAG AA contrast.
 */
public record ProfileInput(String displayName, String description, String address, String phone,
        String openingHours, ColorsInput colors, String cancellationPolicy) {

    /** The colours as sent. */
    public record ColorsInput(String brand, String onBrand) {
    }

    /** The pages' background (app.css --paper), a little darker than white. */
    static final String PAGE_BACKGROUND = "#fbf9f5";
    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_ADDRESS = 300;
    static final int MAX_PHONE = 30;
    static final int MAX_HOURS = 500;
    static final int MAX_POLICY = 2000;

    /** What to store, every field checked (all wrong ones reported at once). */
    record Checked(String displayName, String description, String address, String phone, String openingHours,
            String brand, String onBrand, String cancellationPolicy) {
    }

    Checked check() {
        List<Violation> violations = new ArrayList<>();
        String name = text("displayName", displayName, MAX_NAME, violations);
        if (name == null && violations.stream().noneMatch(v -> v.field().equals("displayName"))) {
            violations.add(new Violation("displayName", "is required"));
        }
        String description = text("description", this.description, MAX_DESCRIPTION, violations);
        String address = text("address", this.address, MAX_ADDRESS, violations);
        String phone = text("phone", this.phone, MAX_PHONE, violations);
        if (phone != null && (!phone.matches("^[0-9 +()\\-.]+$") || phone.chars().noneMatch(Character::isDigit))) {
            violations.add(new Violation("phone", "must be digits, spaces, +, -, . and brackets, such as +1 (555) 010-0199"));
        }
        String hours = text("openingHours", openingHours, MAX_HOURS, violations);
        String policy = text("cancellationPolicy", cancellationPolicy, MAX_POLICY, violations);
        String brand = color("colors.brand", colors == null ? null : colors.brand(), ClinicProfile.DEFAULT_BRAND,
                violations);
        String onBrand = color("colors.onBrand", colors == null ? null : colors.onBrand(),
                ClinicProfile.DEFAULT_ON_BRAND, violations);
        if (brand != null && onBrand != null) {
            colorsContrast(brand, onBrand, violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Checked(name, description, address, phone, hours, brand, onBrand, policy);
    }

    /**
     * The brand colour carries text in the colour on it (buttons, the header) and is itself the
     * colour of links and headings on the white page: both pairs must meet WCAG AA (4.5:1).
     */
    static void colorsContrast(String brand, String onBrand, List<Violation> violations) {
        if (!Contrast.meetsAA(onBrand, brand)) {
            violations.add(new Violation("colors.onBrand", "text in " + onBrand + " on " + brand + " has a contrast of "
                    + ratio(onBrand, brand) + ":1, below the 4.5:1 that WCAG AA asks for text"));
        }
        if (!Contrast.meetsAA(brand, PAGE_BACKGROUND)) {
            violations.add(new Violation("colors.brand", brand + " on the page background (" + PAGE_BACKGROUND
                    + ") has a contrast of " + ratio(brand, PAGE_BACKGROUND)
                    + ":1, below the 4.5:1 that WCAG AA asks for links and headings"));
        }
    }

    private static String ratio(String a, String b) {
        return String.format(Locale.ROOT, "%.2f", Contrast.ratio(a, b));
    }

    private static String color(String field, String value, String fallback, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String c = Contrast.normalize(value);
        if (c == null) {
            violations.add(new Violation(field, "must be a colour as #rrggbb, such as #0f5c5b"));
        }
        return c;
    }

    private static String text(String field, String value, int max, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        if (t.length() > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
            return null;
        }
        return t;
    }
}
