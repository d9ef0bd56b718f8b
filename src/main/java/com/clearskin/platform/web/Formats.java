package com.clearskin.platform.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Formatting for pages, as {@code ${@fmt...}}: prices, minute and day ranges in words people read. */
@Component("fmt")
public class Formats {

    public String money(String currency, BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        try {
            format.setCurrency(Currency.getInstance(currency));
        } catch (IllegalArgumentException | NullPointerException e) {
            return amount.toPlainString() + " " + currency;
        }
        format.setMaximumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        format.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        return format.format(amount);
    }

    public String moneyRange(String currency, BigDecimal min, BigDecimal max) {
        if (min == null) {
            return "";
        }
        if (max == null || max.compareTo(min) == 0) {
            return money(currency, min);
        }
        return money(currency, min) + "–" + money(currency, max);
    }

    public String minutes(Integer min, Integer max) {
        if (min == null && max == null) {
            return "";
        }
        if (min == null || max == null || min.equals(max)) {
            return (min == null ? max : min) + " min";
        }
        return min + "–" + max + " min";
    }

    public String days(Integer min, Integer max) {
        if (min == null) {
            return "";
        }
        if (max == null) {
            return "from " + plural(min, "day");
        }
        if (min.equals(max)) {
            return plural(min, "day");
        }
        return min + "–" + max + " days";
    }

    /** How far apart sessions are; a null maximum is open-ended ("at least 180 days apart"), not exact. */
    public String interval(Integer minDays, Integer maxDays) {
        if (minDays == null) {
            return "";
        }
        if (maxDays == null) {
            return "at least " + (minDays % 7 == 0 && minDays >= 14 ? minDays / 7 + " weeks" : plural(minDays, "day"))
                    + " apart";
        }
        if (minDays % 7 == 0 && (maxDays == null || maxDays % 7 == 0) && minDays >= 14) {
            int a = minDays / 7;
            return maxDays == null || maxDays.equals(minDays) ? "every " + a + " weeks"
                    : "every " + a + "–" + (maxDays / 7) + " weeks";
        }
        return maxDays == null || maxDays.equals(minDays) ? "every " + plural(minDays, "day")
                : "every " + minDays + "–" + maxDays + " days";
    }

    public String sessions(Integer min, Integer max) {
        if (min == null) {
            return "";
        }
        if (max == null) {
            return min + "+ sessions";
        }
        return min.equals(max) ? plural(min, "session") : min + "–" + max + " sessions";
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
