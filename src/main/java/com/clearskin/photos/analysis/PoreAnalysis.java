package com.clearskin.photos.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * The result of a pore measurement on one region. Millimetre figures need a scale: without one
 * ({@code pxPerMm == null}) they are {@code null}, and only the count and the area share are known.
 */
public record PoreAnalysis(List<Pore> pores, Region region, Double pxPerMm) {

    public PoreAnalysis {
        pores = List.copyOf(pores);
    }

    public boolean calibrated() {
        return pxPerMm != null;
    }

    public int count() {
        return pores.size();
    }

    /** Pores per square centimetre of the region. */
    public Double densityPerCm2() {
        if (pxPerMm == null) {
            return null;
        }
        double areaCm2 = (double) region.width() * region.height() / (pxPerMm * pxPerMm) / 100.0;
        return count() / areaCm2;
    }

    public Double meanDiameterMm() {
        if (pxPerMm == null || pores.isEmpty()) {
            return null;
        }
        return pores.stream().mapToDouble(Pore::diameterPx).average().orElse(0) / pxPerMm;
    }

    public Double medianDiameterMm() {
        if (pxPerMm == null || pores.isEmpty()) {
            return null;
        }
        return medianDiameterPx() / pxPerMm;
    }

    /** Median equivalent diameter in pixels (0 when no pore was found). */
    public double medianDiameterPx() {
        if (pores.isEmpty()) {
            return 0;
        }
        double[] d = pores.stream().mapToDouble(Pore::diameterPx).sorted().toArray();
        int n = d.length;
        return n % 2 == 1 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2.0;
    }

    /** The share of the region covered by pores, in percent (needs no scale). */
    public double areaPercent() {
        double poreArea = pores.stream().mapToDouble(p -> Math.PI * p.diameterPx() * p.diameterPx() / 4.0).sum();
        return 100.0 * poreArea / ((double) region.width() * region.height());
    }

    @Override
    public String toString() {
        return "PoreAnalysis[count=" + count() + ", medianPx=" + medianDiameterPx() + ", pxPerMm=" + pxPerMm
                + ", sample=" + Arrays.toString(pores.stream().limit(3).toArray()) + "]";
    }
}
