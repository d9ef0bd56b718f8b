package com.clearskin.photos.analysis;

import boofcv.alg.filter.blur.BlurImageOps;
import boofcv.struct.image.GrayF32;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds pores (dark, roughly round spots about 0.1-0.5 mm across) in a skin photo.
 *
 * <p>Method: luminance is divided by a large-scale background (a mean of 0.25 mm cells blurred over
 * about 3 mm), so lighting gradients, vignetting, brightness and exposure cancel; the resulting
 * contrast map is lightly smoothed; its local maxima above a threshold set from the image's own
 * noise (a robust spread, so gamma changes scale threshold and pores alike) seed a fill at half the
 * peak's contrast; the filled area gives the equivalent-circle diameter. Fills larger than
 * {@link #MAX_DIAMETER_MM} (freckles, moles), elongated ones (hairs) and tiny ones (noise) are
 * rejected; bright spots have negative contrast and never seed. Plain Java on BoofCV images.
 */
public final class PoreAnalyzer {

    /** Pores are at most about 1 mm: anything larger is a freckle, a mark or a mole. */
    static final double MAX_DIAMETER_MM = 1.0;
    /** Smaller than this is noise rather than a pore. */
    static final double MIN_DIAMETER_MM = 0.07;
    /** Ratio of the longer to the shorter axis above which a dark spot is a hair, not a pore. */
    static final double MAX_ELONGATION = 3.0;
    /** Seeds must stand this many robust noise deviations above the skin. */
    static final double SEED_SIGMAS = 5.0;
    /** Without a scale, the photo is assumed to span this many millimetres on its longer side. */
    static final double ASSUMED_FIELD_MM = 60.0;
    static final double BACKGROUND_CELL_MM = 0.25;
    /** Radius of the light smoothing before seeding; below half a pixel none is applied. */
    static final double SMOOTHING_MM = 0.02;
    static final double BACKGROUND_RADIUS_MM = 1.5;

    /**
     * Analyses a region of the image (the whole image when {@code region} is null), with the scale
     * {@code pxPerMm} when known.
     */
    public PoreAnalysis analyze(BufferedImage image, Region region, Double pxPerMm) {
        Region r = region == null ? new Region(0, 0, image.getWidth(), image.getHeight()) : region;
        if (!r.fitsInside(image.getWidth(), image.getHeight())) {
            throw new IllegalArgumentException("region lies outside the image");
        }
        if (pxPerMm != null && !(pxPerMm > 0 && pxPerMm < 10_000)) {
            throw new IllegalArgumentException("pxPerMm must be positive");
        }
        double scale = pxPerMm != null ? pxPerMm : Math.max(r.width(), r.height()) / ASSUMED_FIELD_MM;
        GrayF32 contrast = luminance(image, r);
        divideByBackground(contrast, scale);
        int smoothing = (int) Math.round(scale * SMOOTHING_MM);
        GrayF32 smooth = smoothing == 0 ? contrast : BlurImageOps.mean(contrast, null, smoothing, null, null);
        float threshold = (float) Math.max(0.01, SEED_SIGMAS * robustSpread(smooth));
        List<Pore> pores = findPores(smooth, threshold, scale);
        List<Pore> placed = new ArrayList<>(pores.size());
        for (Pore p : pores) {
            placed.add(new Pore(p.x() + r.x(), p.y() + r.y(), p.diameterPx(), p.contrast()));
        }
        return new PoreAnalysis(placed, r, pxPerMm);
    }

    /** Luminance (Rec. 601 weights) of the region, read straight from the raster when possible. */
    static GrayF32 luminance(BufferedImage image, Region r) {
        GrayF32 out = new GrayF32(r.width(), r.height());
        float[] data = out.data;
        int w = r.width();
        int type = image.getType();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB) {
            int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            int stride = image.getWidth();
            for (int y = 0; y < r.height(); y++) {
                int src = (y + r.y()) * stride + r.x();
                int dst = y * w;
                for (int x = 0; x < w; x++) {
                    int v = px[src + x];
                    data[dst + x] = luma((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
                }
            }
        } else if (type == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            int stride = image.getWidth() * 3;
            for (int y = 0; y < r.height(); y++) {
                int src = (y + r.y()) * stride + r.x() * 3;
                int dst = y * w;
                for (int x = 0; x < w; x++) {
                    int i = src + x * 3;
                    data[dst + x] = luma(px[i + 2] & 0xff, px[i + 1] & 0xff, px[i] & 0xff);
                }
            }
        } else {
            int[] row = new int[w];
            for (int y = 0; y < r.height(); y++) {
                image.getRGB(r.x(), r.y() + y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int v = row[x];
                    data[y * w + x] = luma((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
                }
            }
        }
        return out;
    }

    private static float luma(int red, int green, int blue) {
        return 0.299f * red + 0.587f * green + 0.114f * blue + 1f;
    }

    /**
     * Replaces luminance with contrast against the large-scale background: {@code 1 - L / B}, so a
     * pore is positive, skin is about 0 and a highlight negative, whatever the lighting.
     */
    static void divideByBackground(GrayF32 image, double scale) {
        int cell = Math.max(1, (int) Math.round(scale * BACKGROUND_CELL_MM));
        int w = image.width;
        int h = image.height;
        int sw = (w + cell - 1) / cell;
        int sh = (h + cell - 1) / cell;
        GrayF32 small = new GrayF32(sw, sh);
        float[] counts = new float[sw * sh];
        for (int y = 0; y < h; y++) {
            int sy = y / cell;
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int k = sy * sw + x / cell;
                small.data[k] += image.data[row + x];
                counts[k]++;
            }
        }
        for (int k = 0; k < counts.length; k++) {
            small.data[k] /= counts[k];
        }
        int radius = Math.max(1, (int) Math.round(BACKGROUND_RADIUS_MM / BACKGROUND_CELL_MM / 2));
        GrayF32 blurred = BlurImageOps.mean(small, null, radius, null, null);
        blurred = BlurImageOps.mean(blurred, null, radius, null, null);
        float[] rowBuf = new float[sw];
        for (int y = 0; y < h; y++) {
            float fy = Math.min(Math.max((y + 0.5f) / cell - 0.5f, 0f), sh - 1f);
            int y0 = (int) fy;
            int y1 = Math.min(y0 + 1, sh - 1);
            float ty = fy - y0;
            for (int sx = 0; sx < sw; sx++) {
                rowBuf[sx] = blurred.data[y0 * sw + sx] * (1 - ty) + blurred.data[y1 * sw + sx] * ty;
            }
            int row = y * w;
            for (int x = 0; x < w; x++) {
                float fx = Math.min(Math.max((x + 0.5f) / cell - 0.5f, 0f), sw - 1f);
                int x0 = (int) fx;
                int x1 = Math.min(x0 + 1, sw - 1);
                float tx = fx - x0;
                float bg = rowBuf[x0] * (1 - tx) + rowBuf[x1] * tx;
                image.data[row + x] = 1f - image.data[row + x] / bg;
            }
        }
    }

    /** A robust estimate of the skin's contrast spread (1.4826 x median absolute deviation, sampled). */
    static double robustSpread(GrayF32 image) {
        int n = image.data.length;
        int step = Math.max(1, n / 200_000) | 1;
        float[] sample = new float[(n + step - 1) / step];
        int k = 0;
        for (int i = 0; i < n && k < sample.length; i += step) {
            sample[k++] = image.data[i];
        }
        float[] s = Arrays.copyOf(sample, k);
        Arrays.sort(s);
        float median = s[k / 2];
        for (int i = 0; i < k; i++) {
            s[i] = Math.abs(s[i] - median);
        }
        Arrays.sort(s);
        return 1.4826 * s[k / 2];
    }

    private static List<Pore> findPores(GrayF32 s, float threshold, double scale) {
        int w = s.width;
        int h = s.height;
        float[] d = s.data;
        List<long[]> seeds = new ArrayList<>();
        for (int y = 1; y < h - 1; y++) {
            int row = y * w;
            for (int x = 1; x < w - 1; x++) {
                int i = row + x;
                float v = d[i];
                if (v > threshold && v > d[i - 1] && v >= d[i + 1] && v > d[i - w] && v >= d[i + w]
                        && v > d[i - w - 1] && v >= d[i + w + 1] && v > d[i - w + 1] && v >= d[i + w - 1]) {
                    seeds.add(new long[] {Float.floatToIntBits(v), i});
                }
            }
        }
        seeds.sort((a, b) -> Float.compare(Float.intBitsToFloat((int) b[0]), Float.intBitsToFloat((int) a[0])));
        double maxArea = Math.PI / 4 * Math.pow(MAX_DIAMETER_MM * scale, 2);
        double minArea = Math.max(1.0, Math.PI / 4 * Math.pow(MIN_DIAMETER_MM * scale, 2));
        int fillCap = (int) Math.min(Integer.MAX_VALUE / 2, maxArea * 4 + 16);
        byte[] marked = new byte[w * h];
        int[] stack = new int[1024];
        List<Pore> pores = new ArrayList<>();
        for (long[] seed : seeds) {
            int start = (int) seed[1];
            if (marked[start] != 0) {
                continue;
            }
            float peak = Float.intBitsToFloat((int) seed[0]);
            float level = peak / 2;
            int top = 0;
            stack[top++] = start;
            marked[start] = 1;
            long n = 0;
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double syy = 0;
            double sxy = 0;
            boolean touchesEdge = false;
            while (top > 0 && n < fillCap) {
                int i = stack[--top];
                int x = i % w;
                int y = i / w;
                n++;
                sx += x;
                sy += y;
                sxx += (double) x * x;
                syy += (double) y * y;
                sxy += (double) x * y;
                if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                    touchesEdge = true;
                    continue;
                }
                if (top + 4 >= stack.length) {
                    stack = Arrays.copyOf(stack, stack.length * 2);
                }
                top = push(d, marked, stack, top, i - 1, level);
                top = push(d, marked, stack, top, i + 1, level);
                top = push(d, marked, stack, top, i - w, level);
                top = push(d, marked, stack, top, i + w, level);
            }
            if (n >= fillCap || n > maxArea || n < minArea || touchesEdge) {
                continue;
            }
            double mx = sx / n;
            double my = sy / n;
            double cxx = sxx / n - mx * mx;
            double cyy = syy / n - my * my;
            double cxy = sxy / n - mx * my;
            if (elongation(cxx, cyy, cxy) > MAX_ELONGATION) {
                continue;
            }
            pores.add(new Pore(mx, my, 2 * Math.sqrt(n / Math.PI), peak));
        }
        return pores;
    }

    private static int push(float[] d, byte[] marked, int[] stack, int top, int j, float level) {
        if (marked[j] == 0 && d[j] >= level) {
            marked[j] = 1;
            stack[top++] = j;
        }
        return top;
    }

    /** The ratio of the longer to the shorter axis of the ellipse with these second moments. */
    static double elongation(double cxx, double cyy, double cxy) {
        double tr = cxx + cyy;
        double disc = Math.sqrt(Math.max(0, (cxx - cyy) * (cxx - cyy) / 4 + cxy * cxy));
        double l1 = tr / 2 + disc;
        double l2 = Math.max(1e-9, tr / 2 - disc);
        return Math.sqrt(l1 / Math.max(l2, 1.0 / 12));
    }
}
