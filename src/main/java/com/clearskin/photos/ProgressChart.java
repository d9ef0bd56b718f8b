package com.clearskin.photos;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The progress of one area: the change from the first measurement to the last, and the series as a
 * server-rendered SVG line chart (density per cm2 when calibrated, else the pore count).
 */
public final class ProgressChart {

    /** Percent change first to last (negative: fewer or smaller pores); null without two comparable figures. */
    public record Change(Double densityPercent, Double meanDiameterPercent) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    static final int PAD = 44;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private ProgressChart() {
    }

    public static Change change(List<Photos.Point> series) {
        if (series.size() < 2) {
            return new Change(null, null);
        }
        Photos.Point first = series.get(0);
        Photos.Point last = series.get(series.size() - 1);
        return new Change(percent(first.densityPerCm2(), last.densityPerCm2()),
                percent(first.meanDiameterMm(), last.meanDiameterMm()));
    }

    /** The change from {@code from} to {@code to} in percent, one decimal; null when either is missing or from is 0. */
    static Double percent(Double from, Double to) {
        if (from == null || to == null || from == 0) {
            return null;
        }
        return Math.round((to - from) / from * 1000.0) / 10.0;
    }

    /**
     * The change in words a client understands: "Pore density down 22 % since 3 Sep, after 3
     * sessions." (the pore count when the photos have no scale); null with fewer than two
     * measurements. Under 1 % either way reads as "about the same".
     */
    public static String sentence(List<Photos.Point> series, int sessionsBetween, ZoneId zone) {
        if (series.size() < 2) {
            return null;
        }
        Photos.Point first = series.get(0);
        Photos.Point last = series.get(series.size() - 1);
        boolean calibrated = first.densityPerCm2() != null && last.densityPerCm2() != null;
        Double change = calibrated ? percent(first.densityPerCm2(), last.densityPerCm2())
                : percent((double) first.count(), (double) last.count());
        if (change == null) {
            return null;
        }
        String what = calibrated ? "Pore density" : "Pores counted";
        long rounded = Math.round(Math.abs(change));
        String how = rounded < 1 ? "about the same" : (change < 0 ? "down " : "up ") + rounded + " %";
        String after = sessionsBetween == 0 ? "" : ", after " + sessionsBetween + (sessionsBetween == 1 ? " session" : " sessions");
        return what + " " + how + " since " + DAY.format(first.takenAt().atZone(zone)) + after + ".";
    }

    public static String svg(List<Photos.Point> series, ZoneId zone) {
        boolean calibrated = !series.isEmpty() && series.stream().allMatch(p -> p.densityPerCm2() != null);
        String label = calibrated ? "Pores per cm²" : "Pores counted";
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"progress-title\">")
                .append("<title id=\"progress-title\">").append(label).append(" over time</title>")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        if (series.isEmpty()) {
            out.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"14\" fill=\"#333\">")
                    .append("No measured photos yet</text></svg>");
            return out.toString();
        }
        double max = 0;
        for (Photos.Point p : series) {
            max = Math.max(max, value(p, calibrated));
        }
        max = max <= 0 ? 1 : max * 1.15;
        int n = series.size();
        double plotW = WIDTH - 2 * PAD;
        double plotH = HEIGHT - 2 * PAD;
        out.append("<line x1=\"").append(PAD).append("\" y1=\"").append(HEIGHT - PAD).append("\" x2=\"").append(WIDTH - PAD)
                .append("\" y2=\"").append(HEIGHT - PAD).append("\" stroke=\"#555\"/>")
                .append("<text x=\"").append(PAD).append("\" y=\"").append(PAD - 16)
                .append("\" font-family=\"sans-serif\" font-size=\"13\" fill=\"#333\">").append(label).append("</text>");
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Photos.Point p = series.get(i);
            double x = PAD + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
            double y = HEIGHT - PAD - plotH * value(p, calibrated) / max;
            path.append(i == 0 ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
            out.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
                    .append("\" r=\"4\" fill=\"#0b5394\"><title>").append(DAY.format(p.takenAt().atZone(zone))).append(": ")
                    .append(fmt(value(p, calibrated))).append("</title></circle>")
                    .append("<text x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - PAD + 18)
                    .append("\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#333\">")
                    .append(DAY.format(p.takenAt().atZone(zone))).append("</text>")
                    .append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y - 10))
                    .append("\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#333\">")
                    .append(fmt(value(p, calibrated))).append("</text>");
        }
        out.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#0b5394\" stroke-width=\"2\"/></svg>");
        return out.toString();
    }

    private static double value(Photos.Point p, boolean calibrated) {
        return calibrated ? p.densityPerCm2() : p.count();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
