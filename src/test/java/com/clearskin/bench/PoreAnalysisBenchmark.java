package com.clearskin.bench;

import boofcv.concurrency.BoofConcurrency;
import com.clearskin.photos.analysis.PoreAnalysis;
import com.clearskin.photos.analysis.PoreAnalyzer;
import com.clearskin.photos.analysis.SyntheticSkin;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pore analysis of a 12-megapixel photo (4000 x 3000, a synthetic skin of 100 x 75 mm at 40 px/mm,
 * JPEG quality 85 decoded), on one core: BoofCV's own threading is switched off. Target: at most
 * 300 ms. Run with {@code bench/jmh.sh PoreAnalysisBenchmark}; never part of {@code ./mvnw verify}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
public class PoreAnalysisBenchmark {

    private BufferedImage photo;
    private final PoreAnalyzer analyzer = new PoreAnalyzer();

    @Setup
    public void setUp() {
        BoofConcurrency.USE_CONCURRENT = false;
        SyntheticSkin skin = new SyntheticSkin(42, 100, 75, 0.6);
        photo = SyntheticSkin.jpeg(skin.render(40, SyntheticSkin.Conditions.standard()), 0.85f);
    }

    @Benchmark
    public PoreAnalysis twelveMegapixels() {
        return analyzer.analyze(photo, null, 40.0);
    }
}
