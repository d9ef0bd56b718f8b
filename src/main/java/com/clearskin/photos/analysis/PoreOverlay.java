package com.clearskin.photos.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;

/**
 * The practitioner's check of a measurement: the analysed region, scaled to at most
 * {@code maxSide} pixels, with a circle of the measured diameter around each pore found.
 */
public final class PoreOverlay {

    private PoreOverlay() {
    }

    public static BufferedImage render(BufferedImage image, PoreAnalysis analysis, int maxSide) {
        Region r = analysis.region();
        double f = Math.min(1.0, (double) maxSide / Math.max(r.width(), r.height()));
        int w = Math.max(1, (int) Math.round(r.width() * f));
        int h = Math.max(1, (int) Math.round(r.height() * f));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.drawImage(image, 0, 0, w, h, r.x(), r.y(), r.x() + r.width(), r.y() + r.height(), null);
            g.setColor(new Color(0, 200, 255));
            g.setStroke(new BasicStroke(1.2f));
            for (Pore p : analysis.pores()) {
                double d = Math.max(3, p.diameterPx() * f);
                double cx = (p.x() - r.x() + 0.5) * f;
                double cy = (p.y() - r.y() + 0.5) * f;
                g.draw(new Ellipse2D.Double(cx - d / 2 - 1, cy - d / 2 - 1, d + 2, d + 2));
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
