package com.clearskin.photos.analysis;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A synthetic skin photo with known pores: skin-tone texture, a lighting gradient and vignetting,
 * irregular pores with lognormal sizes, freckles, hairs, specular highlights and noise. Geometry is
 * in millimetres so the same skin can be rendered at any scale, shifted or relit.
 */
public final class SyntheticSkin {

    /** A pore in millimetres: centre, radius at half depth (mean over angle), shape harmonics, depth. */
    record TruePore(double x, double y, double r, double a2, double p2, double a3, double p3, double depth) {

        /** Equivalent-circle diameter at half depth, in millimetres. */
        double diameterMm() {
            return 2 * r * Math.sqrt(1 + (a2 * a2 + a3 * a3) / 2);
        }

        double radiusAt(double theta) {
            return r * (1 + a2 * Math.cos(2 * theta + p2) + a3 * Math.cos(3 * theta + p3));
        }
    }

    record Spot(double x, double y, double r, double depth) {
    }

    record Hair(double x, double y, double angle, double length, double bend, double width) {
    }

    /** Rendering conditions that change between visits. */
    public record Conditions(double brightness, double gamma, double gradient, double vignetting, double shiftXmm,
                      double shiftYmm, double noise, long noiseSeed) {
        public static Conditions standard() {
            return new Conditions(1.0, 1.0, 0.35, 0.3, 0, 0, 2.5, 99);
        }

        Conditions withBrightness(double b) {
            return new Conditions(b, gamma, gradient, vignetting, shiftXmm, shiftYmm, noise, noiseSeed);
        }

        Conditions withGamma(double g) {
            return new Conditions(brightness, g, gradient, vignetting, shiftXmm, shiftYmm, noise, noiseSeed);
        }

        Conditions retake(double dx, double dy, double light, long seed) {
            return new Conditions(brightness * light, gamma, gradient * 0.8, vignetting, dx, dy, noise, seed);
        }
    }

    final double widthMm;
    final double heightMm;
    final List<TruePore> pores = new ArrayList<>();
    final List<Spot> freckles = new ArrayList<>();
    final List<Spot> highlights = new ArrayList<>();
    final List<Hair> hairs = new ArrayList<>();
    private final double[] waves;

    public SyntheticSkin(long seed, double widthMm, double heightMm, double poresPerMm2) {
        this.widthMm = widthMm;
        this.heightMm = heightMm;
        Random rnd = new Random(seed);
        waves = new double[24];
        for (int i = 0; i < waves.length; i++) {
            waves[i] = rnd.nextDouble();
        }
        int nFreckles = (int) Math.round(widthMm * heightMm / 120);
        for (int i = 0; i < nFreckles; i++) {
            freckles.add(new Spot(rnd.nextDouble() * widthMm, rnd.nextDouble() * heightMm, 0.8 + rnd.nextDouble() * 1.2,
                    0.15 + rnd.nextDouble() * 0.15));
        }
        int nHairs = (int) Math.max(1, Math.round(widthMm * heightMm / 250));
        for (int i = 0; i < nHairs; i++) {
            hairs.add(new Hair(rnd.nextDouble() * widthMm, rnd.nextDouble() * heightMm, rnd.nextDouble() * Math.PI,
                    5 + rnd.nextDouble() * 8, (rnd.nextDouble() - 0.5) * 0.1, 0.05 + rnd.nextDouble() * 0.04));
        }
        int nHighlights = (int) Math.round(widthMm * heightMm / 150);
        for (int i = 0; i < nHighlights; i++) {
            highlights.add(new Spot(rnd.nextDouble() * widthMm, rnd.nextDouble() * heightMm, 0.3 + rnd.nextDouble() * 0.6,
                    0.4 + rnd.nextDouble() * 0.4));
        }
        int target = (int) Math.round(widthMm * heightMm * poresPerMm2);
        int tries = 0;
        while (pores.size() < target && tries++ < target * 30) {
            double d = Math.min(0.5, Math.max(0.12, 0.22 * Math.exp(0.35 * rnd.nextGaussian())));
            double r = d / 2;
            double x = 0.6 + rnd.nextDouble() * (widthMm - 1.2);
            double y = 0.6 + rnd.nextDouble() * (heightMm - 1.2);
            if (clear(x, y, r)) {
                pores.add(new TruePore(x, y, r, rnd.nextDouble() * 0.18, rnd.nextDouble() * 6.3, rnd.nextDouble() * 0.08,
                        rnd.nextDouble() * 6.3, 0.15 + rnd.nextDouble() * 0.2));
            }
        }
    }

    private boolean clear(double x, double y, double r) {
        for (TruePore p : pores) {
            if (Math.hypot(p.x - x, p.y - y) < p.r * 1.5 + r * 1.5 + 0.15) {
                return false;
            }
        }
        for (Spot f : freckles) {
            if (Math.hypot(f.x - x, f.y - y) < f.r * 1.6 + r + 0.3) {
                return false;
            }
        }
        for (Spot s : highlights) {
            if (Math.hypot(s.x - x, s.y - y) < s.r * 2.5 + r) {
                return false;
            }
        }
        for (Hair h : hairs) {
            if (hairDistance(h, x, y) < r * 2 + 0.4) {
                return false;
            }
        }
        return true;
    }

    private static double hairDistance(Hair h, double x, double y) {
        double best = Double.MAX_VALUE;
        for (int k = 0; k <= 60; k++) {
            double[] p = hairPoint(h, k / 60.0);
            best = Math.min(best, Math.hypot(p[0] - x, p[1] - y));
        }
        return best;
    }

    private static double[] hairPoint(Hair h, double t) {
        double a = h.angle + h.bend * t * h.length;
        double s = t * h.length;
        return new double[] {h.x + Math.cos(a) * s, h.y + Math.sin(a) * s};
    }

    /** Renders the skin at {@code pxPerMm} under the given conditions, as an RGB image. */
    public BufferedImage render(double pxPerMm, Conditions c) {
        int w = (int) Math.round(widthMm * pxPerMm);
        int h = (int) Math.round(heightMm * pxPerMm);
        float[] lum = new float[w * h];
        for (int y = 0; y < h; y++) {
            double ym = (y + 0.5) / pxPerMm + c.shiftYmm;
            for (int x = 0; x < w; x++) {
                double xm = (x + 0.5) / pxPerMm + c.shiftXmm;
                double tex = 1.0;
                for (int k = 0; k < 4; k++) {
                    double f = 0.6 + k * 0.9;
                    tex += 0.012 * Math.sin(xm * f * (1 + waves[k]) + waves[k + 4] * 6.28)
                            * Math.cos(ym * f * (1 + waves[k + 8]) + waves[k + 12] * 6.28);
                }
                lum[y * w + x] = (float) tex;
            }
        }
        for (TruePore p : pores) {
            int x0 = (int) Math.floor((p.x - c.shiftXmm - p.r * 4) * pxPerMm);
            int x1 = (int) Math.ceil((p.x - c.shiftXmm + p.r * 4) * pxPerMm);
            int y0 = (int) Math.floor((p.y - c.shiftYmm - p.r * 4) * pxPerMm);
            int y1 = (int) Math.ceil((p.y - c.shiftYmm + p.r * 4) * pxPerMm);
            for (int y = Math.max(0, y0); y <= Math.min(h - 1, y1); y++) {
                for (int x = Math.max(0, x0); x <= Math.min(w - 1, x1); x++) {
                    double dx = (x + 0.5) / pxPerMm + c.shiftXmm - p.x;
                    double dy = (y + 0.5) / pxPerMm + c.shiftYmm - p.y;
                    double rho = Math.hypot(dx, dy) / p.radiusAt(Math.atan2(dy, dx));
                    lum[y * w + x] *= (float) (1 - p.depth / (1 + Math.pow(rho, 4)));
                }
            }
        }
        for (Spot f : freckles) {
            stamp(lum, w, h, pxPerMm, c, f, -1, 8);
        }
        for (Hair hair : hairs) {
            int steps = (int) (hair.length * pxPerMm * 2);
            double half = hair.width / 2 * pxPerMm;
            boolean[] hit = new boolean[w * h];
            for (int k = 0; k <= steps; k++) {
                double[] p = hairPoint(hair, (double) k / steps);
                double cx = (p[0] - c.shiftXmm) * pxPerMm;
                double cy = (p[1] - c.shiftYmm) * pxPerMm;
                int rr = (int) Math.ceil(half + 1);
                for (int y = (int) cy - rr; y <= (int) cy + rr; y++) {
                    for (int x = (int) cx - rr; x <= (int) cx + rr; x++) {
                        if (x >= 0 && y >= 0 && x < w && y < h && !hit[y * w + x]
                                && Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= half + 0.5) {
                            hit[y * w + x] = true;
                            lum[y * w + x] *= 0.45f;
                        }
                    }
                }
            }
        }
        for (Spot s : highlights) {
            stamp(lum, w, h, pxPerMm, c, s, +1, 2);
        }
        Random noise = new Random(c.noiseSeed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double diag = Math.hypot(w / 2.0, h / 2.0);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double light = (1 - c.gradient / 2 + c.gradient * x / w) * (1 - c.vignetting * Math.pow(Math.hypot(x - w / 2.0, y - h / 2.0)
                        / diag, 2));
                double v = lum[y * w + x] * light * c.brightness;
                int red = channel(v * 200, c, noise);
                int green = channel(v * 158, c, noise);
                int blue = channel(v * 135, c, noise);
                img.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
        return img;
    }

    private static int channel(double value, Conditions c, Random noise) {
        double v = 255 * Math.pow(Math.max(0, value) / 255, c.gamma) + noise.nextGaussian() * c.noise;
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static void stamp(float[] lum, int w, int h, double pxPerMm, Conditions c, Spot s, int sign, int power) {
        int x0 = (int) Math.floor((s.x - c.shiftXmm - s.r * 3) * pxPerMm);
        int x1 = (int) Math.ceil((s.x - c.shiftXmm + s.r * 3) * pxPerMm);
        int y0 = (int) Math.floor((s.y - c.shiftYmm - s.r * 3) * pxPerMm);
        int y1 = (int) Math.ceil((s.y - c.shiftYmm + s.r * 3) * pxPerMm);
        for (int y = Math.max(0, y0); y <= Math.min(h - 1, y1); y++) {
            for (int x = Math.max(0, x0); x <= Math.min(w - 1, x1); x++) {
                double dx = (x + 0.5) / pxPerMm + c.shiftXmm - s.x;
                double dy = (y + 0.5) / pxPerMm + c.shiftYmm - s.y;
                double f = s.depth / (1 + Math.pow(Math.hypot(dx, dy) / s.r, power));
                lum[y * w + x] *= (float) (sign < 0 ? 1 - f : 1 + f);
            }
        }
    }

    /** Ground-truth pores fully inside the rendered frame, in pixels: {x, y, diameterPx}. */
    List<double[]> truthPx(double pxPerMm, Conditions c) {
        List<double[]> out = new ArrayList<>();
        for (TruePore p : pores) {
            double x = (p.x - c.shiftXmm) * pxPerMm;
            double y = (p.y - c.shiftYmm) * pxPerMm;
            double margin = p.r * 2 * pxPerMm;
            if (x > margin && y > margin && x < widthMm * pxPerMm - margin && y < heightMm * pxPerMm - margin) {
                out.add(new double[] {x, y, p.diameterMm() * pxPerMm});
            }
        }
        return out;
    }

    public static BufferedImage jpeg(BufferedImage img, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(img, null, null), param);
            }
            writer.dispose();
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage rescale(BufferedImage img, double factor) {
        int w = (int) Math.round(img.getWidth() * factor);
        int h = (int) Math.round(img.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        if (factor < 1) {
            java.awt.Image scaled = img.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING);
            out.getGraphics().drawImage(scaled, 0, 0, null);
        } else {
            java.awt.Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(img, 0, 0, w, h, null);
            g.dispose();
        }
        return out;
    }
}
