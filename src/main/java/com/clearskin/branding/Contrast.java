package com.clearskin.branding;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Colour contrast as WCAG 2.x defines it: the relative luminance of an sRGB colour and the ratio
 * (L1 + 0.05) / (L2 + 0.05) of two colours, from 1:1 to 21:1. Level AA asks 4.5:1 for normal text.
 */
public final class Contrast {

    /** WCAG 2.x level AA for normal text (success criterion 1.4.3). */
    public static final double AA_TEXT = 4.5;
    private static final Pattern HEX = Pattern.compile("^#[0-9a-f]{6}$");

    private Contrast() {
    }

    /** A colour as #rrggbb (lower case), from #RGB, #rrggbb or #RRGGBB; null when it is none of them. */
    public static String normalize(String color) {
        if (color == null) {
            return null;
        }
        String c = color.strip().toLowerCase(Locale.ROOT);
        if (c.matches("^#[0-9a-f]{3}$")) {
            c = "#" + c.charAt(1) + c.charAt(1) + c.charAt(2) + c.charAt(2) + c.charAt(3) + c.charAt(3);
        }
        return HEX.matcher(c).matches() ? c : null;
    }

    /** The relative luminance of #rrggbb, 0 (black) to 1 (white). */
    public static double luminance(String hex) {
        double r = channel(Integer.parseInt(hex.substring(1, 3), 16));
        double g = channel(Integer.parseInt(hex.substring(3, 5), 16));
        double b = channel(Integer.parseInt(hex.substring(5, 7), 16));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    /** The contrast ratio of two #rrggbb colours, 1 to 21, whichever is lighter. */
    public static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** Whether text of one colour on the other meets level AA for normal text. */
    public static boolean meetsAA(String foreground, String background) {
        return ratio(foreground, background) >= AA_TEXT;
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
