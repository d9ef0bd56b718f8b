package com.clearskin.photos.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** The sticker is found at any scale, angle and light, and nothing else is taken for it. */
class CalibrationStickerTest {

    final CalibrationSticker sticker = new CalibrationSticker();

    /** Skin of {@code widthMm} x {@code heightMm} at {@code pxPerMm} with the sticker at (x, y) mm, turned and tilted. */
    static BufferedImage withSticker(double pxPerMm, double widthMm, double heightMm, double xMm, double yMm,
            double degrees, double shear, SyntheticSkin.Conditions c) {
        BufferedImage img = new SyntheticSkin(5, widthMm, heightMm, 0.6).render(pxPerMm, c);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        AffineTransform t = new AffineTransform();
        t.translate(xMm * pxPerMm, yMm * pxPerMm);
        t.rotate(Math.toRadians(degrees));
        t.shear(shear, 0);
        t.scale(pxPerMm, pxPerMm);
        g.transform(t);
        double card = CalibrationSticker.CARD_MM;
        double square = CalibrationSticker.SQUARE_MM;
        int white = (int) Math.round(Math.min(255, 240 * c.brightness()));
        g.setColor(new Color(white, white, white));
        g.fill(new Rectangle2D.Double(-card / 2, -card / 2, card, card));
        g.setColor(new Color(22, 22, 24));
        g.fill(new Rectangle2D.Double(-square / 2, -square / 2, square, square));
        g.dispose();
        return img;
    }

    static BufferedImage plain(double pxPerMm, double widthMm, double heightMm, long seed) {
        return new SyntheticSkin(seed, widthMm, heightMm, 0.6).render(pxPerMm, SyntheticSkin.Conditions.standard());
    }

    double found(BufferedImage img) {
        Optional<CalibrationSticker.Found> f = sticker.find(img);
        assertThat(f).as("a sticker in the picture").isPresent();
        return f.get().pxPerMm();
    }

    @Test
    void theScaleIsReadWithinTwoPercentAtEveryScale() {
        for (double pxPerMm : new double[] {10, 20, 40}) {
            BufferedImage img = withSticker(pxPerMm, 50, 40, 12, 12, 0, 0, SyntheticSkin.Conditions.standard());
            assertThat(found(img)).as("at %s px/mm", pxPerMm).isCloseTo(pxPerMm, Percentage.withPercentage(2));
        }
    }

    @Test
    void aTurnedStickerReadsTheSame() {
        for (double degrees : new double[] {17, 45, -30}) {
            BufferedImage img = withSticker(20, 50, 40, 25, 20, degrees, 0, SyntheticSkin.Conditions.standard());
            assertThat(found(img)).as("turned %s degrees", degrees).isCloseTo(20, Percentage.withPercentage(2));
        }
    }

    @Test
    void aSlightTiltStillReadsWithinTwoPercent() {
        BufferedImage img = withSticker(20, 50, 40, 25, 20, 10, 0.12, SyntheticSkin.Conditions.standard());
        assertThat(found(img)).isCloseTo(20, Percentage.withPercentage(2));
    }

    @Test
    void jpegAndLightChangesDoNotMoveTheScale() {
        SyntheticSkin.Conditions c = SyntheticSkin.Conditions.standard();
        assertThat(found(SyntheticSkin.jpeg(withSticker(20, 50, 40, 14, 14, 5, 0, c), 0.6f)))
                .isCloseTo(20, Percentage.withPercentage(2));
        assertThat(found(withSticker(20, 50, 40, 14, 14, 5, 0, c.withBrightness(0.7))))
                .isCloseTo(20, Percentage.withPercentage(2));
        assertThat(found(withSticker(20, 50, 40, 14, 14, 5, 0, c.withBrightness(1.3))))
                .isCloseTo(20, Percentage.withPercentage(2));
        assertThat(found(withSticker(20, 50, 40, 14, 14, 5, 0, c.withGamma(1.2))))
                .isCloseTo(20, Percentage.withPercentage(2));
    }

    @Test
    void skinWithoutAStickerHasNone() {
        for (long seed = 1; seed <= 4; seed++) {
            assertThat(sticker.find(plain(20, 50, 40, seed))).as("seed %s", seed).isEmpty();
        }
    }

    @Test
    void aRoundDarkSpotOrABarIsNotASticker() {
        for (String shape : new String[] {"disc", "bar", "no-margin"}) {
            BufferedImage img = plain(20, 50, 40, 3);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.scale(20, 20);
            g.setColor(Color.WHITE);
            if (!shape.equals("no-margin")) {
                g.fill(new Rectangle2D.Double(10, 10, 24, 24));
            }
            g.setColor(new Color(22, 22, 24));
            switch (shape) {
                case "disc" -> g.fill(new Ellipse2D.Double(17, 17, 10, 10));
                case "bar" -> g.fill(new Rectangle2D.Double(12, 17, 20, 10));
                default -> g.fill(new Rectangle2D.Double(17, 17, 10, 10));
            }
            g.dispose();
            assertThat(sticker.find(img)).as(shape).isEmpty();
        }
    }

    @Test
    void aStickerTooSmallInThePictureToMeasureToAPerCentIsNotUsed() {
        // 1 px/mm: a 10 px square on plain skin
        BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(224, 178, 150));
        g.fillRect(0, 0, 300, 200);
        g.setColor(new Color(240, 240, 240));
        g.fillRect(92, 92, 16, 16);
        g.setColor(new Color(22, 22, 24));
        g.fillRect(95, 95, 10, 10);
        g.dispose();
        assertThat(sticker.find(img)).isEmpty();
        assertThat(CalibrationSticker.MIN_SIDE_PX).isGreaterThan(10);
    }

    @Test
    void aStickerCutByThePicturesEdgeIsNotMeasured() {
        BufferedImage img = withSticker(20, 50, 40, 3, 20, 0, 0, SyntheticSkin.Conditions.standard());
        assertThat(sticker.find(img)).isEmpty();
    }

    @Test
    void aTwelveMegapixelPhotoIsSearchedOnASmallCopy() {
        // plain skin tone with a lighting gradient (rendering synthetic pores at 12 MP would only slow the test)
        BufferedImage img = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[4000];
        for (int y = 0; y < 3000; y++) {
            for (int x = 0; x < 4000; x++) {
                double light = 0.85 + 0.15 * x / 4000.0;
                row[x] = new Color((int) (224 * light), (int) (178 * light), (int) (150 * light)).getRGB();
            }
            img.setRGB(0, y, 4000, 1, row, 0, 4000);
        }
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.translate(900, 800);
        g.rotate(Math.toRadians(8));
        g.scale(40, 40);
        g.setColor(new Color(240, 240, 240));
        g.fill(new Rectangle2D.Double(-8, -8, 16, 16));
        g.setColor(new Color(22, 22, 24));
        g.fill(new Rectangle2D.Double(-5, -5, 10, 10));
        g.dispose();
        long start = System.nanoTime();
        double scale = found(img);
        System.out.printf("calibration sticker on %d x %d: %.0f ms%n", img.getWidth(), img.getHeight(),
                (System.nanoTime() - start) / 1e6);
        assertThat(scale).isCloseTo(40, Percentage.withPercentage(2));
    }

    @Test
    void theStickerIsNotCountedAsPores() {
        SyntheticSkin.Conditions c = SyntheticSkin.Conditions.standard();
        BufferedImage bare = new SyntheticSkin(5, 50, 40, 0.6).render(20, c);
        BufferedImage marked = withSticker(20, 50, 40, 12, 12, 0, 0, c);
        PoreAnalyzer analyzer = new PoreAnalyzer();
        // the same skin outside the card: the count with the sticker may only lose the pores it covers
        Region outside = new Region(0, 25 * 20, 50 * 20, 15 * 20);
        int without = analyzer.analyze(bare, outside, 20.0).count();
        int with = analyzer.analyze(marked, outside, 20.0).count();
        assertThat(with).isCloseTo(without, Percentage.withPercentage(5));
        int whole = analyzer.analyze(marked, null, 20.0).count();
        int wholeBare = analyzer.analyze(bare, null, 20.0).count();
        double cardShare = 16.0 * 16 / (50 * 40);
        assertThat(whole).as("no pores on the card or its edge").isLessThanOrEqualTo((int) Math.ceil(wholeBare * 1.02));
        assertThat(whole).isGreaterThanOrEqualTo((int) Math.floor(wholeBare * (1 - cardShare) * 0.95));
    }
}
