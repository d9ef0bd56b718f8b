package com.clearskin.photos.analysis;

import boofcv.struct.image.GrayF32;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds the calibration sticker in a photo and reads the scale from it: a solid black square of
 * {@link #SQUARE_MM} mm centred on a white card of {@link #CARD_MM} mm, which the clinic prints from
 * Clearskin's sheet and sticks next to the area photographed.
 *
 * <p>Method: on a copy of at most {@link #SEARCH_SIDE} pixels a side, the pixels darker than
 * {@link #DARK_SHARE} of the photo's median are grouped into connected spots; a spot is the square
 * when it is large enough, as wide one way as the other (its second moments), as far-reaching from its
 * centre as a square of its area (a disc or a blot reaches less, a bar more), and sits on a white
 * margin brighter than the skin. Its area is then measured at full resolution with sub-pixel
 * coverage at half the contrast between the square and the card, so blur and JPEG do not move the
 * edge; the side is the square root of that area (the geometric mean under a slight tilt), and
 * {@code pxPerMm} is the side over {@link #SQUARE_MM}. Plain Java, no Spring, no SQL.
 */
public final class CalibrationSticker {

    /** The black square's side on the printed sticker. */
    public static final double SQUARE_MM = 10.0;
    /** The white card's side the square is centred on (a 3 mm margin all round). */
    public static final double CARD_MM = 16.0;

    static final int SEARCH_SIDE = 1000;
    /** Darker than this share of the photo's median luminance is ink, not skin. */
    static final double DARK_SHARE = 0.45;
    /** The square's side is at least this many search pixels. */
    static final int MIN_SIDE_PX = 12;
    /** Largest ratio of the spot's principal second moments (1 for a square at any angle; a tilt adds a little). */
    static final double MAX_MOMENT_RATIO = 1.6;
    /** A square's farthest point lies 0.707 of its side from the centre; a disc's 0.564; a 2:1 bar's 0.79. */
    static final double MIN_REACH = 0.65;
    static final double MAX_REACH = 0.77;
    /** The margin at 0.74-0.78 of the side from the centre lies on the card at every angle. */
    static final double RING_INNER = 0.74;
    static final double RING_OUTER = 0.78;
    /** Beyond the card's corners (1.13 of the side): the skin around it. */
    static final double SKIN_INNER = 1.2;
    static final double SKIN_OUTER = 1.35;
    /** The card is at least this much brighter than the skin around it (over-exposed skin included). */
    static final float MARGIN_OVER_SKIN = 1.06f;

    /** The square found: the scale, its centre and its side, in the photo's pixels. */
    public record Found(double pxPerMm, double centreX, double centreY, double sidePx) {
    }

    /** The sticker in the photo, or empty when there is none (or it is not whole in the picture). */
    public Optional<Found> find(BufferedImage image) {
        GrayF32 full = PoreAnalyzer.luminance(image, new Region(0, 0, image.getWidth(), image.getHeight()));
        int step = Math.max(1, (int) Math.ceil(Math.max(image.getWidth(), image.getHeight()) / (double) SEARCH_SIDE));
        GrayF32 small = shrink(full, step);
        float median = median(small);
        float dark = (float) (DARK_SHARE * median);
        Found best = null;
        for (Spot spot : spots(small, dark)) {
            if (!largeEnough(spot) || !squareMoments(spot) || !squareReach(spot)) {
                continue;
            }
            double side = Math.sqrt(spot.area);
            float inside = ringMean(small, spot.cx, spot.cy, 0, 0.3 * side);
            float margin = ringMean(small, spot.cx, spot.cy, RING_INNER * side, RING_OUTER * side);
            float skin = ringMean(small, spot.cx, spot.cy, SKIN_INNER * side, SKIN_OUTER * side);
            if (!onWhiteMargin(inside, margin, skin)) {
                continue;
            }
            Found found = measure(full, (spot.cx + 0.5) * step - 0.5, (spot.cy + 0.5) * step - 0.5, side * step);
            if (found != null && (best == null || found.sidePx() > best.sidePx())) {
                best = found;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Too small a spot cannot be measured to a per cent. */
    static boolean largeEnough(Spot spot) {
        return spot.area >= MIN_SIDE_PX * MIN_SIDE_PX;
    }

    /** As wide one way as the other: a square's second moments are equal at every angle; a bar's are not. */
    static boolean squareMoments(Spot spot) {
        double a = spot.sxx / spot.area - spot.cx * spot.cx;
        double c = spot.syy / spot.area - spot.cy * spot.cy;
        double b = spot.sxy / spot.area - spot.cx * spot.cy;
        double mean = (a + c) / 2;
        double spread = Math.sqrt((a - c) * (a - c) / 4 + b * b);
        double low = mean - spread;
        return low > 0 && (mean + spread) / low <= MAX_MOMENT_RATIO;
    }

    /** Its corners reach as far from the centre as a square's: a disc or a round blot reaches less. */
    static boolean squareReach(Spot spot) {
        double reach = Math.sqrt(spot.farthest2) / Math.sqrt(spot.area);
        return reach >= MIN_REACH && reach <= MAX_REACH;
    }

    /** Printed on white: the margin is brighter than the skin around the card and far brighter than the ink. */
    static boolean onWhiteMargin(float inside, float margin, float skin) {
        return margin > MARGIN_OVER_SKIN * skin && margin > 2.5f * inside;
    }

    /**
     * The square's area at full resolution: each pixel within the card counts by how dark it is between
     * the card's white and the ink's black (sub-pixel coverage), so the edge sits at half the contrast.
     */
    static Found measure(GrayF32 full, double cx, double cy, double sideEstimate) {
        double radius = RING_INNER * sideEstimate;
        float inside = ringMean(full, cx, cy, 0, 0.3 * sideEstimate);
        float white = ringMean(full, cx, cy, RING_INNER * sideEstimate, RING_OUTER * sideEstimate);
        if (!(white > inside)) {
            return null;
        }
        double area = 0;
        int x0 = (int) Math.max(0, Math.floor(cx - radius));
        int x1 = (int) Math.min(full.width - 1, Math.ceil(cx + radius));
        int y0 = (int) Math.max(0, Math.floor(cy - radius));
        int y1 = (int) Math.min(full.height - 1, Math.ceil(cy + radius));
        if (cx - radius < 0 || cy - radius < 0 || cx + radius > full.width - 1 || cy + radius > full.height - 1) {
            return null; // the card is cut by the picture's edge: no whole square to measure
        }
        double r2 = radius * radius;
        float span = white - inside;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double dx = x - cx;
                double dy = y - cy;
                if (dx * dx + dy * dy > r2) {
                    continue;
                }
                double coverage = (white - full.data[y * full.width + x]) / span;
                area += Math.max(0, Math.min(1, coverage));
            }
        }
        double side = Math.sqrt(area);
        return new Found(side / SQUARE_MM, cx, cy, side);
    }

    /** The mean luminance between two radii around a point (the pixels inside the image). */
    static float ringMean(GrayF32 img, double cx, double cy, double inner, double outer) {
        double sum = 0;
        int n = 0;
        int x0 = (int) Math.max(0, Math.floor(cx - outer));
        int x1 = (int) Math.min(img.width - 1, Math.ceil(cx + outer));
        int y0 = (int) Math.max(0, Math.floor(cy - outer));
        int y1 = (int) Math.min(img.height - 1, Math.ceil(cy + outer));
        double in2 = inner * inner;
        double out2 = outer * outer;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                if (d2 >= in2 && d2 <= out2) {
                    sum += img.data[y * img.width + x];
                    n++;
                }
            }
        }
        return n == 0 ? 0f : (float) (sum / n);
    }

    /** A connected dark spot's pixel count, sums for its moments, and its farthest pixel from the centre. */
    static final class Spot {
        double area;
        double sx;
        double sy;
        double sxx;
        double syy;
        double sxy;
        double cx;
        double cy;
        double farthest2;
        int[] pixels;
    }

    /** The connected spots (8-neighbours) of pixels darker than {@code dark}, each with its moments. */
    static java.util.List<Spot> spots(GrayF32 img, float dark) {
        int w = img.width;
        int h = img.height;
        boolean[] seen = new boolean[w * h];
        java.util.List<Spot> spots = new java.util.ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int[] buffer = new int[w * h];
        for (int start = 0; start < w * h; start++) {
            if (seen[start] || img.data[start] >= dark) {
                continue;
            }
            int count = 0;
            seen[start] = true;
            queue.add(start);
            Spot s = new Spot();
            while (!queue.isEmpty()) {
                int p = queue.poll();
                buffer[count++] = p;
                int x = p % w;
                int y = p / w;
                s.sx += x;
                s.sy += y;
                s.sxx += (double) x * x;
                s.syy += (double) y * y;
                s.sxy += (double) x * y;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                            continue;
                        }
                        int q = ny * w + nx;
                        if (!seen[q] && img.data[q] < dark) {
                            seen[q] = true;
                            queue.add(q);
                        }
                    }
                }
            }
            s.area = count;
            if (count < MIN_SIDE_PX * MIN_SIDE_PX) {
                continue;
            }
            s.cx = s.sx / count;
            s.cy = s.sy / count;
            for (int i = 0; i < count; i++) {
                double dx = buffer[i] % w + 0.5 - (s.cx + 0.5);
                double dy = buffer[i] / w + 0.5 - (s.cy + 0.5);
                s.farthest2 = Math.max(s.farthest2, dx * dx + dy * dy);
            }
            // the farthest pixel centre lies about half a pixel inside the corner
            s.farthest2 = Math.pow(Math.sqrt(s.farthest2) + 0.5, 2);
            spots.add(s);
        }
        return spots;
    }

    /** The mean of each {@code step} x {@code step} block: a smaller copy to search on. */
    static GrayF32 shrink(GrayF32 img, int step) {
        if (step == 1) {
            return img;
        }
        int w = img.width / step;
        int h = img.height / step;
        GrayF32 out = new GrayF32(w, h);
        for (int y = 0; y < h * step; y++) {
            int row = (y / step) * w;
            for (int x = 0; x < w * step; x++) {
                out.data[row + x / step] += img.data[y * img.width + x];
            }
        }
        float n = step * step;
        for (int i = 0; i < out.data.length; i++) {
            out.data[i] /= n;
        }
        return out;
    }

    /** The median luminance, from a sample of the pixels. */
    static float median(GrayF32 img) {
        int n = img.width * img.height;
        int stride = Math.max(1, n / 20_000);
        float[] sample = new float[(n + stride - 1) / stride];
        int k = 0;
        for (int i = 0; i < n && k < sample.length; i += stride) {
            sample[k++] = img.data[i];
        }
        Arrays.sort(sample, 0, k);
        return sample[k / 2];
    }
}
