package com.clearskin.bench;

import com.clearskin.assessment.Answer;
import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.Cause;
import com.clearskin.assessment.LastUse;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.catalog.BodyArea;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.DefaultCatalog;
import com.clearskin.catalog.SkinType;
import com.clearskin.catalog.Treatment;
import com.clearskin.recommendation.PreparedCatalog;
import com.clearskin.recommendation.Recommendation;
import com.clearskin.recommendation.RecommendationEngine;
import com.clearskin.recommendation.Recommendations;
import com.clearskin.recommendation.RuleSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The recommendation engine over the full default catalog and the default rule settings, one
 * assessment per operation (so ops/s is assessments per second), single thread. The assessments
 * come from a fixed pool of varied clients: every skin type and Fitzpatrick type, 0-5 concerns,
 * body areas, causes, medical answers yes, no and unknown, washout dates inside and outside the
 * windows, with and without a budget and a jurisdiction. {@code recommend} is the figure the target
 * (100,000 assessments per second on one core) is about. Run with {@code bench/jmh.sh}; never part
 * of {@code ./mvnw verify}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RecommendationEngineBenchmark {

    static final int POOL = 1024;
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);

    private RecommendationEngine engine;
    private List<Treatment> catalog;
    private PreparedCatalog prepared;
    private RuleSettings settings;
    private Assessment[] pool;
    private int next;

    @Setup
    public void setUp() {
        JsonMapper json = JsonMapper.builder().build();
        DefaultCatalog defaults = DefaultCatalog.fromClasspath(json);
        catalog = defaults.all();
        settings = RuleSettings.fromClasspath(json);
        engine = new RecommendationEngine(Recommendations.sources(defaults));
        prepared = engine.prepare(catalog, settings);
        pool = assessments(POOL, new Random(20261121));
    }

    /** The public consultation's path: the default catalog prepared once (as {@code Recommendations} keeps it). */
    @Benchmark
    public Recommendation recommend() {
        return engine.recommend(nextAssessment(), prepared, null);
    }

    /** A clinic's path: its catalog (here the default one) prepared afresh for every assessment. */
    @Benchmark
    public Recommendation recommendUnprepared() {
        return engine.recommend(nextAssessment(), catalog, settings, null);
    }

    private Assessment nextAssessment() {
        Assessment a = pool[next];
        next = (next + 1) & (POOL - 1);
        return a;
    }

    /** {@code n} varied assessments, the same ones for the same seed. */
    static Assessment[] assessments(int n, Random random) {
        Assessment[] out = new Assessment[n];
        String[] jurisdictions = {null, "US-CA", "US-TX", "GB"};
        for (int i = 0; i < n; i++) {
            Map<MedicalFlag, Answer> medical = new EnumMap<>(MedicalFlag.class);
            for (MedicalFlag flag : MedicalFlag.values()) {
                int r = random.nextInt(20);
                medical.put(flag, r == 0 ? Answer.YES : r < 3 ? Answer.UNKNOWN : Answer.NO);
            }
            out[i] = new Assessment(
                    random.nextInt(10) == 0 ? null : 16 + random.nextInt(60),
                    random.nextInt(12) == 0 ? null : pick(SkinType.values(), random),
                    random.nextInt(12) == 0 ? null : 1 + random.nextInt(6),
                    some(Concern.values(), random.nextInt(6), random),
                    some(BodyArea.values(), random.nextInt(3), random),
                    some(Cause.values(), random.nextInt(3), random),
                    medical,
                    lastUse(random, 30),
                    lastUse(random, 1),
                    AS_OF,
                    random.nextBoolean() ? null : BigDecimal.valueOf(100 + random.nextInt(3000)),
                    jurisdictions[random.nextInt(jurisdictions.length)]);
        }
        return out;
    }

    private static LastUse lastUse(Random random, int monthsBackMax) {
        int r = random.nextInt(4);
        if (r == 0) {
            return LastUse.UNKNOWN;
        }
        if (r == 1) {
            return LastUse.NEVER;
        }
        return LastUse.on(AS_OF.minusDays(random.nextInt(monthsBackMax * 31 + 7)));
    }

    private static <T> T pick(T[] values, Random random) {
        return values[random.nextInt(values.length)];
    }

    private static <T> List<T> some(T[] values, int count, Random random) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            T value = pick(values, random);
            if (!out.contains(value)) {
                out.add(value);
            }
        }
        return out;
    }
}
