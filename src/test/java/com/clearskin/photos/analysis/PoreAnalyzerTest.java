package com.clearskin.photos.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoreAnalyzerTest {

    static final double SCALE = 40;
    static final SyntheticSkin SKIN = new SyntheticSkin(7, 24, 18, 0.6);
    static final SyntheticSkin.Conditions STD = SyntheticSkin.Conditions.standard();
    final PoreAnalyzer analyzer = new PoreAnalyzer();

    static final BufferedImage BASE = SKIN.render(SCALE, STD);
    static final int BASE_COUNT = new PoreAnalyzer().analyze(BASE, null, SCALE).count();

    @Test
    void findsPoresOneToOneWithF1AtLeast90Percent() {
        BufferedImage img = SyntheticSkin.jpeg(BASE, 0.85f);
        PoreAnalysis result = analyzer.analyze(img, null, SCALE);
        Match m = match(SKIN.truthPx(SCALE, STD), result.pores());
        System.out.printf("truth=%d found=%d tp=%d f1=%.3f%n", m.truth, m.found, m.tp, m.f1());
        assertThat(m.f1()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void medianDiameterWithinTenPercentForPoresOfFivePixelsAndMore() {
        PoreAnalysis result = analyzer.analyze(BASE, null, SCALE);
        List<double[]> truth = SKIN.truthPx(SCALE, STD).stream().filter(t -> t[2] >= 5).toList();
        Match m = match(truth, result.pores());
        double[] trueD = m.pairs.stream().mapToDouble(p -> p[0]).sorted().toArray();
        double[] foundD = m.pairs.stream().mapToDouble(p -> p[1]).sorted().toArray();
        double error = Math.abs(median(foundD) - median(trueD)) / median(trueD);
        System.out.printf("median true=%.2f found=%.2f error=%.3f%n", median(trueD), median(foundD), error);
        assertThat(error).isLessThanOrEqualTo(0.10);
        assertThat(result.medianDiameterMm()).isNotNull();
    }

    @Test
    void brightnessChangesOfThirtyPercentMoveTheCountByAtMostFivePercent() {
        for (double b : new double[] {0.7, 1.3}) {
            int n = analyzer.analyze(SKIN.render(SCALE, STD.withBrightness(b)), null, SCALE).count();
            System.out.printf("brightness %.1f: %d vs %d%n", b, n, BASE_COUNT);
            assertThat(relative(n, BASE_COUNT)).isLessThanOrEqualTo(0.05);
        }
    }

    @Test
    void gammaChangesOfTwentyPercentMoveTheCountByAtMostFivePercent() {
        for (double g : new double[] {0.8, 1.2}) {
            int n = analyzer.analyze(SKIN.render(SCALE, STD.withGamma(g)), null, SCALE).count();
            System.out.printf("gamma %.1f: %d vs %d%n", g, n, BASE_COUNT);
            assertThat(relative(n, BASE_COUNT)).isLessThanOrEqualTo(0.05);
        }
    }

    @Test
    void jpegQuality60MovesTheCountByAtMostFivePercent() {
        int n = analyzer.analyze(SyntheticSkin.jpeg(BASE, 0.6f), null, SCALE).count();
        System.out.printf("jpeg60: %d vs %d%n", n, BASE_COUNT);
        assertThat(relative(n, BASE_COUNT)).isLessThanOrEqualTo(0.05);
    }

    @Test
    void rescalingHalfToDoubleWithTheScaleGivenMovesTheCountByAtMostFivePercent() {
        for (double f : new double[] {0.5, 0.75, 1.5, 2.0}) {
            int n = analyzer.analyze(SyntheticSkin.rescale(BASE, f), null, SCALE * f).count();
            System.out.printf("rescale %.2f: %d vs %d%n", f, n, BASE_COUNT);
            assertThat(relative(n, BASE_COUNT)).isLessThanOrEqualTo(0.05);
        }
    }

    @Test
    void theSameSkinRetakenWithSmallShiftsAndLightingChangesMeasuresWithinThreePercent() {
        PoreAnalysis first = analyzer.analyze(SKIN.render(SCALE, STD.retake(0.3, -0.2, 0.92, 5)),
                new Region(40, 40, 860, 640), SCALE);
        PoreAnalysis second = analyzer.analyze(SKIN.render(SCALE, STD.retake(-0.2, 0.25, 1.1, 6)),
                new Region(40, 40, 860, 640), SCALE);
        System.out.printf("retest: %d vs %d, density %.1f vs %.1f, median %.3f vs %.3f%n", first.count(), second.count(),
                first.densityPerCm2(), second.densityPerCm2(), first.medianDiameterMm(), second.medianDiameterMm());
        assertThat(relative(first.count(), second.count())).isLessThanOrEqualTo(0.03);
        assertThat(relative(first.medianDiameterMm(), second.medianDiameterMm())).isLessThanOrEqualTo(0.03);
    }

    @Test
    void evenLightingGradientsAndVignettingOnPoreFreeSkinCreateNoPores() {
        SyntheticSkin bare = new SyntheticSkin(3, 24, 18, 0);
        bare.freckles.clear();
        bare.hairs.clear();
        SyntheticSkin.Conditions harsh = new SyntheticSkin.Conditions(1, 1, 0.8, 0.6, 0, 0, 2.5, 1);
        PoreAnalysis result = analyzer.analyze(bare.render(SCALE, harsh), null, SCALE);
        // under one false pore per square centimetre, against about 60 real ones on the test skin
        assertThat(result.densityPerCm2()).isLessThan(1.0);
    }

    @Test
    void frecklesHairsAndHighlightsAreNotPores() {
        SyntheticSkin marks = new SyntheticSkin(11, 24, 18, 0);
        assertThat(marks.freckles).isNotEmpty();
        assertThat(marks.hairs).isNotEmpty();
        int n = analyzer.analyze(marks.render(SCALE, STD), null, SCALE).count();
        assertThat(n).isLessThanOrEqualTo(3);
    }

    @Test
    void withoutAScaleTheMillimetreFiguresAreNull() {
        PoreAnalysis result = analyzer.analyze(BASE, null, null);
        assertThat(result.calibrated()).isFalse();
        assertThat(result.densityPerCm2()).isNull();
        assertThat(result.meanDiameterMm()).isNull();
        assertThat(result.medianDiameterMm()).isNull();
        assertThat(result.count()).isPositive();
        assertThat(result.areaPercent()).isPositive();
    }

    @Test
    void aRegionOutsideTheImageIsRefused() {
        assertThatThrownBy(() -> analyzer.analyze(BASE, new Region(900, 0, 200, 100), SCALE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRegionCountsOnlyItsOwnPores() {
        PoreAnalysis half = analyzer.analyze(BASE, new Region(0, 0, BASE.getWidth() / 2, BASE.getHeight()), SCALE);
        assertThat(half.count()).isLessThan(BASE_COUNT * 2 / 3).isGreaterThan(BASE_COUNT / 3);
        assertThat(half.pores()).allMatch(p -> p.x() < BASE.getWidth() / 2.0);
    }

    static double relative(double a, double b) {
        return Math.abs(a - b) / b;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    record Match(int truth, int found, int tp, List<double[]> pairs) {
        double f1() {
            double precision = (double) tp / found;
            double recall = (double) tp / truth;
            return 2 * precision * recall / (precision + recall);
        }
    }

    /** Greedy one-to-one matching: closest pairs first, within half the true diameter (at least 2 px). */
    static Match match(List<double[]> truth, List<Pore> found) {
        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            double[] t = truth.get(i);
            for (int j = 0; j < found.size(); j++) {
                Pore p = found.get(j);
                double dist = Math.hypot(t[0] - p.x(), t[1] - p.y());
                if (dist <= Math.max(2, t[2] / 2)) {
                    candidates.add(new double[] {dist, i, j});
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(c -> c[0]));
        boolean[] usedT = new boolean[truth.size()];
        boolean[] usedF = new boolean[found.size()];
        List<double[]> pairs = new ArrayList<>();
        for (double[] c : candidates) {
            int i = (int) c[1];
            int j = (int) c[2];
            if (!usedT[i] && !usedF[j]) {
                usedT[i] = true;
                usedF[j] = true;
                pairs.add(new double[] {truth.get(i)[2], found.get(j).diameterPx()});
            }
        }
        // found pores near the frame edge whose truth was left out are neither right nor wrong
        return new Match(truth.size(), found.size(), pairs.size(), pairs);
    }
}
