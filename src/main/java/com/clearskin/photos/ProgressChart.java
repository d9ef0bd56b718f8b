package com.clearskin.photos;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
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

    /**
     * The same chart as {@link #svg} drawn as a PNG at twice the size (for PDFs, which print no SVG):
     * the axis, the label, a dot per measurement with its value and date, the line between them.
     */
    public static byte[] png(List<Photos.Point> series, ZoneId zone) {
        int scale = 2;
        BufferedImage image = new BufferedImage(WIDTH * scale, HEIGHT * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            Color ink = new Color(0x33, 0x33, 0x33);
            if (series.isEmpty()) {
                g.setColor(ink);
                centred(g, "No measured photos yet", WIDTH / 2.0, HEIGHT / 2.0);
                return PhotoImages.png(image);
            }
            boolean calibrated = series.stream().allMatch(p -> p.densityPerCm2() != null);
            double max = 0;
            for (Photos.Point p : series) {
                max = Math.max(max, value(p, calibrated));
            }
            max = max <= 0 ? 1 : max * 1.15;
            int n = series.size();
            double plotW = WIDTH - 2 * PAD;
            double plotH = HEIGHT - 2 * PAD;
            g.setColor(new Color(0x55, 0x55, 0x55));
            g.draw(new Line2D.Double(PAD, HEIGHT - PAD, WIDTH - PAD, HEIGHT - PAD));
            g.setColor(ink);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString(calibrated ? "Pores per cm\u00b2" : "Pores counted", PAD, PAD - 16);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            Path2D line = new Path2D.Double();
            Color blue = new Color(0x0b, 0x53, 0x94);
            for (int i = 0; i < n; i++) {
                Photos.Point p = series.get(i);
                double x = PAD + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
                double y = HEIGHT - PAD - plotH * value(p, calibrated) / max;
                if (i == 0) {
                    line.moveTo(x, y);
                } else {
                    line.lineTo(x, y);
                }
                g.setColor(blue);
                g.fill(new Ellipse2D.Double(x - 4, y - 4, 8, 8));
                g.setColor(ink);
                centred(g, DAY.format(p.takenAt().atZone(zone)), x, HEIGHT - PAD + 18);
                centred(g, fmt(value(p, calibrated)), x, y - 10);
            }
            g.setColor(blue);
            g.setStroke(new BasicStroke(2f));
            g.draw(line);
        } finally {
            g.dispose();
        }
        return PhotoImages.png(image);
    }

    private static void centred(Graphics2D g, String text, double x, double baseline) {
        g.drawString(text, (float) (x - g.getFontMetrics().stringWidth(text) / 2.0), (float) baseline);
    }

    private static double value(Photos.Point p, boolean calibrated) {
        return calibrated ? p.densityPerCm2() : p.count();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
