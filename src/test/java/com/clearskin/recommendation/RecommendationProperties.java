package com.clearskin.recommendation;

import static com.clearskin.catalog.TreatmentFixtures.contraindication;
import static com.clearskin.recommendation.Engines.CATALOG;
import static com.clearskin.recommendation.Engines.ENGINE;
import static com.clearskin.recommendation.Engines.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.assessment.Answer;
import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.Cause;
import com.clearskin.assessment.ConcernSeverity;
import com.clearskin.assessment.LastUse;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.catalog.BodyArea;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.InvasivenessLevel;
import com.clearskin.catalog.SkinEffect;
import com.clearskin.catalog.Severity;
import com.clearskin.catalog.SkinType;
import com.clearskin.catalog.Treatment;
import com.clearskin.catalog.TreatmentFixtures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the engine for arbitrary assessments (every field, medical answers yes, no and
 * unknown, dates inside and outside the washouts, budgets), over the default catalog and settings
 * and over arbitrary catalogs and settings ("worlds") made to break it.
 */
class RecommendationProperties {

    /** A catalog and the settings it is judged with. */
    record World(List<Treatment> catalog, RuleSettings settings) {
        PreparedCatalog prepared() {
            return ENGINE.prepare(catalog, settings);
        }
    }

    static final World DEFAULT = new World(CATALOG.all(), SETTINGS);

    // ---- (a) excluded treatments are never ranked above the others, and get no course

    @Property(tries = 400)
    void noExcludedTreatmentIsRankedAboveAnotherOrGivenACourse(@ForAll("assessments") Assessment a,
            @ForAll("worlds") World world) {
        List<TreatmentVerdict> ranked = ENGINE.recommend(a, world.catalog(), world.settings(), null).treatments();

        boolean excludedSeen = false;
        for (TreatmentVerdict t : ranked) {
            if (t.verdict() == Verdict.EXCLUDED) {
                excludedSeen = true;
                assertThat(t.course()).as(t.code()).isNull();
            } else {
                assertThat(excludedSeen).as(t.code() + " ranked below an excluded treatment").isFalse();
            }
            if (t.verdict() == Verdict.NEEDS_INFORMATION) {
                assertThat(t.course()).as(t.code()).isNull();
            }
            if (t.reconsiderOn() != null) {
                assertThat(t.verdict()).isEqualTo(Verdict.EXCLUDED);
                assertThat(t.reconsiderOn()).isAfter(a.asOf());
            }
        }
        assertThat(ranked).isSortedAccordingTo(RecommendationEngine.RANKING);
    }

    // ---- (b) the order of concerns changes nothing

    @Property(tries = 400)
    void theOrderOfConcernsChangesNothing(@ForAll("assessments") Assessment a, @ForAll("worlds") World world,
            @ForAll Random random) {
        List<Concern> shuffled = new ArrayList<>(a.concerns());
        Collections.shuffle(shuffled, random);
        Assessment reordered = a.withConcerns(shuffled);

        Recommendation before = ENGINE.recommend(a, world.catalog(), world.settings(), "US-TX");
        Recommendation after = ENGINE.recommend(reordered, world.catalog(), world.settings(), "US-TX");

        assertThat(after.treatments()).extracting(TreatmentVerdict::code)
                .containsExactlyElementsOf(before.treatments().stream().map(TreatmentVerdict::code).toList());
        assertThat(after.treatments()).extracting(TreatmentVerdict::verdict)
                .containsExactlyElementsOf(before.treatments().stream().map(TreatmentVerdict::verdict).toList());
        assertThat(after.treatments()).extracting(TreatmentVerdict::score)
                .containsExactlyElementsOf(before.treatments().stream().map(TreatmentVerdict::score).toList());
        assertThat(after).as("everything else, reasons and home care included").isEqualTo(before);
    }

    // ---- (c) unknown is never read as no

    @Property(tries = 600)
    void turningAMedicalAnswerFromNoToUnknownNeverMakesAVerdictMorePermissive(@ForAll("assessments") Assessment a,
            @ForAll MedicalFlag flag, @ForAll("worlds") World world) {
        Assessment no = a.with(flag, Answer.NO);
        Assessment unknown = a.with(flag, Answer.UNKNOWN);

        assertNeverMorePermissive(no, unknown, world);
    }

    /**
     * Stronger than the above, which treating unknown as no would pass: every treatment listing the
     * question's contraindication is excluded or waits for the answer, and says which answer.
     */
    @Property(tries = 400)
    void anUnknownAnswerThatMattersIsAlwaysAskedFor(@ForAll("assessments") Assessment a, @ForAll MedicalFlag flag,
            @ForAll("worlds") World world) {
        Recommendation r = ENGINE.recommend(a.with(flag, Answer.UNKNOWN), world.catalog(), world.settings(), null);

        for (Treatment t : world.catalog()) {
            if (t.contraindications().stream().anyMatch(c -> c.code().equals(flag.contraindication()))) {
                TreatmentVerdict v = r.treatments().stream().filter(x -> x.code().equals(t.code())).findFirst()
                        .orElseThrow();
                assertThat(v.verdict()).as(t.code()).isIn(Verdict.NEEDS_INFORMATION, Verdict.EXCLUDED);
                assertThat(v.reasons()).as(t.code()).anySatisfy(reason -> {
                    assertThat(reason.rule()).isIn(flag.contraindication(), SkinEffectSafety.RULE);
                    assertThat(reason.text()).contains(flag.question());
                });
            }
        }
    }

    @Property(tries = 300)
    void turningAMedicalAnswerFromNoToYesNeverMakesAVerdictMorePermissive(@ForAll("assessments") Assessment a,
            @ForAll MedicalFlag flag, @ForAll("worlds") World world) {
        assertNeverMorePermissive(a.with(flag, Answer.NO), a.with(flag, Answer.YES), world);
    }

    @Property(tries = 300)
    void notKnowingWhenIsotretinoinOrARetinoidWasLastUsedIsNeverMorePermissiveThanNever(
            @ForAll("assessments") Assessment a, @ForAll("worlds") World world) {
        Assessment never = new Assessment(a.age(), a.skinType(), a.fitzpatrick(), a.concerns(), a.bodyAreas(),
                a.causes(), a.medical(), LastUse.NEVER, LastUse.NEVER, a.asOf(), a.budgetUsd(), a.jurisdiction());
        Assessment isotretinoinUnknown = new Assessment(a.age(), a.skinType(), a.fitzpatrick(), a.concerns(),
                a.bodyAreas(), a.causes(), a.medical(), LastUse.UNKNOWN, LastUse.NEVER, a.asOf(), a.budgetUsd(),
                a.jurisdiction());
        Assessment retinoidUnknown = new Assessment(a.age(), a.skinType(), a.fitzpatrick(), a.concerns(),
                a.bodyAreas(), a.causes(), a.medical(), LastUse.NEVER, LastUse.UNKNOWN, a.asOf(), a.budgetUsd(),
                a.jurisdiction());

        assertNeverMorePermissive(never, isotretinoinUnknown, world);
        assertNeverMorePermissive(never, retinoidUnknown, world);
    }

    /** RECOMMENDED > POSSIBLE > CAUTION > NEEDS_INFORMATION > EXCLUDED: the enum's order, most permissive first. */
    static void assertNeverMorePermissive(Assessment before, Assessment after, World world) {
        Map<String, Verdict> old = verdicts(ENGINE.recommend(before, world.catalog(), world.settings(), null));
        Map<String, Verdict> now = verdicts(ENGINE.recommend(after, world.catalog(), world.settings(), null));

        old.forEach((code, verdict) -> assertThat(now.get(code).ordinal()).as(code + ": " + verdict + " became "
                + now.get(code)).isGreaterThanOrEqualTo(verdict.ordinal()));
    }

    static Map<String, Verdict> verdicts(Recommendation r) {
        Map<String, Verdict> verdicts = new HashMap<>();
        r.treatments().forEach(t -> verdicts.put(t.code(), t.verdict()));
        return verdicts;
    }

    // ---- more: the prepared catalog and the home routine written once give the same answers

    @Property(tries = 200)
    void aPreparedCatalogGivesWhatThePlainOneGives(@ForAll("assessments") Assessment a, @ForAll("worlds") World w) {
        PreparedCatalog prepared = w.prepared();

        Recommendation plain = ENGINE.recommend(a, w.catalog(), w.settings(), "US-CA");

        assertThat(ENGINE.recommend(a, prepared, "US-CA")).isEqualTo(plain);
        assertThat(ENGINE.recommend(a, prepared, "US-CA")).isEqualTo(plain);
    }

    @Property(tries = 200)
    void everyTreatmentGetsAVerdictWithReasonsAndAScoreFrom0To100(@ForAll("assessments") Assessment a,
            @ForAll("worlds") World w) {
        Recommendation r = ENGINE.recommend(a, w.catalog(), w.settings(), null);

        assertThat(r.treatments()).hasSameSizeAs(w.catalog());
        assertThat(r.treatments()).allSatisfy(t -> {
            assertThat(t.score()).isBetween(0, 100);
            assertThat(t.reasons()).isNotEmpty();
            assertThat(t.reasons()).allSatisfy(reason -> assertThat(reason.text()).isNotBlank());
            if (t.verdict() == Verdict.EXCLUDED) {
                assertThat(t.reasons().get(0).rule()).isNotIn("concern-match", "body-area", "cause-match");
            }
        });
        assertThat(r.homeCare().warnings().get(0)).contains(r.homeCare().paused()
                ? "No steaming, acids, masks or pore vacuum" : "over-exfoliate");
    }

    // ---- the step-up rule and the skin effects

    /** Whether the treatment fits the concern at the assessment's severity (suits it, at or above its first level). */
    static boolean fits(Treatment t, Concern c, Assessment a, RuleSettings settings) {
        InvasivenessLevel level = t.level() == null ? InvasivenessLevel.ABLATIVE : t.level();
        return t.suits(c) && !level.gentlerThan(settings.firstLevel(c, a.severityOf(c)));
    }

    @Property(tries = 400)
    void noTreatmentIsRankedAboveALessInvasiveSafeOneThatFitsTheSameConcernsEqually(
            @ForAll("assessments") Assessment any, @ForAll("severities") Map<Concern, ConcernSeverity> severity,
            @ForAll("steppedWorlds") World world) {
        Assessment a = withSeverity(withoutBudget(any), severity);
        List<TreatmentVerdict> ranked = ENGINE.recommend(a, world.catalog(), world.settings(), null).treatments();
        Map<String, Treatment> byCode = new HashMap<>();
        world.catalog().forEach(t -> byCode.put(t.code(), t));

        for (int i = 0; i < ranked.size(); i++) {
            for (int j = i + 1; j < ranked.size(); j++) {
                TreatmentVerdict above = ranked.get(i);
                TreatmentVerdict below = ranked.get(j);
                Treatment ta = byCode.get(above.code());
                Treatment tb = byCode.get(below.code());
                boolean gentler = level(tb).gentlerThan(level(ta));
                boolean equally = above.score() == below.score() && a.concerns().stream()
                        .allMatch(c -> ta.suits(c) == tb.suits(c)
                                && fits(ta, c, a, world.settings()) == fits(tb, c, a, world.settings()));
                assertThat(gentler && equally && below.verdict().safe())
                        .as("%s (%s) ranked above the gentler %s (%s)", above.code(), above.verdict(), below.code(),
                                below.verdict())
                        .isFalse();
            }
        }
    }

    @Property(tries = 400)
    void raisingAConcernsSeverityNeverLowersAMoreInvasiveTreatmentsVerdict(@ForAll("assessments") Assessment any,
            @ForAll("steppedWorlds") World world, @ForAll ConcernSeverity from, @ForAll ConcernSeverity to) {
        net.jqwik.api.Assume.that(!any.concerns().isEmpty() && to.compareTo(from) > 0);
        Concern c = any.concerns().get(0);
        Assessment lower = any.withSeverity(c, from);
        Assessment higher = any.withSeverity(c, to);
        InvasivenessLevel first = world.settings().firstLevel(c, to);

        Map<String, TreatmentVerdict> before = byCode(ENGINE.recommend(lower, world.catalog(), world.settings(), null));
        Map<String, TreatmentVerdict> after = byCode(ENGINE.recommend(higher, world.catalog(), world.settings(), null));
        for (Treatment t : world.catalog()) {
            if (t.suits(c) && !level(t).gentlerThan(first)) {
                assertThat(after.get(t.code()).verdict().ordinal()).as(t.code() + " at " + to + " vs " + from)
                        .isLessThanOrEqualTo(before.get(t.code()).verdict().ordinal());
            }
        }
    }

    @Property(tries = 400)
    void compromisedSkinNeverLeavesATreatmentThatWoundsHeatsOrExfoliatesPlannable(
            @ForAll("assessments") Assessment a, @ForAll("steppedWorlds") World world,
            @ForAll("compromising") MedicalFlag flag) {
        Map<String, TreatmentVerdict> verdicts = byCode(ENGINE.recommend(a.with(flag, Answer.YES), world.catalog(),
                world.settings(), null));

        for (Treatment t : world.catalog()) {
            boolean stresses = t.invasiveness() == null
                    || t.invasiveness().effects().stream().anyMatch(SkinEffect::stressesCompromisedSkin);
            if (stresses) {
                assertThat(verdicts.get(t.code()).verdict()).as(t.code() + " with " + flag).isEqualTo(Verdict.EXCLUDED);
            }
        }
    }

    @Property(tries = 300)
    void aKeloidTendencyNeverLeavesATreatmentThatWoundsOrReachesTheDermisRecommendedOrPossible(
            @ForAll("assessments") Assessment a, @ForAll("steppedWorlds") World world) {
        Map<String, TreatmentVerdict> verdicts = byCode(ENGINE.recommend(a.with(MedicalFlag.KELOID_TENDENCY,
                Answer.YES), world.catalog(), world.settings(), null));

        for (Treatment t : world.catalog()) {
            boolean scars = t.invasiveness() == null
                    || t.invasiveness().effects().stream().anyMatch(SkinEffect::risksRaisedScars);
            if (scars) {
                assertThat(verdicts.get(t.code()).verdict().safe()).as(t.code()).isFalse();
            }
        }
    }

    static InvasivenessLevel level(Treatment t) {
        return t.level() == null ? InvasivenessLevel.ABLATIVE : t.level();
    }

    static Map<String, TreatmentVerdict> byCode(Recommendation r) {
        Map<String, TreatmentVerdict> map = new HashMap<>();
        r.treatments().forEach(v -> map.put(v.code(), v));
        return map;
    }

    static Assessment withoutBudget(Assessment a) {
        return new Assessment(a.age(), a.skinType(), a.fitzpatrick(), a.concerns(), a.bodyAreas(), a.causes(),
                a.medical(), a.isotretinoinLastTaken(), a.topicalRetinoidLastUsed(), a.asOf(), null, a.jurisdiction(),
                a.severity(), a.triedWithoutEnoughImprovement());
    }

    static Assessment withSeverity(Assessment a, Map<Concern, ConcernSeverity> severity) {
        Assessment out = a;
        for (Concern c : a.concerns()) {
            if (severity.containsKey(c)) {
                out = out.withSeverity(c, severity.get(c));
            }
        }
        return out;
    }

    @Provide
    Arbitrary<MedicalFlag> compromising() {
        return Arbitraries.of(MedicalFlag.SUNBURN_OR_RECENT_TAN, MedicalFlag.OPEN_WOUNDS_IN_AREA,
                MedicalFlag.ACTIVE_INFECTION_IN_AREA, MedicalFlag.ROSACEA_OR_ECZEMA_FLARE, MedicalFlag.PSORIASIS_FLARE);
    }

    @Provide
    Arbitrary<Map<Concern, ConcernSeverity>> severities() {
        return Arbitraries.maps(Arbitraries.of(Concern.class), Arbitraries.of(ConcernSeverity.class)).ofMaxSize(6);
    }

    /** The default catalog, or a random one whose treatments have random levels and effects, with random step-up settings. */
    @Provide
    Arbitrary<World> steppedWorlds() {
        Arbitrary<World> made = Arbitraries.integers().between(0, Integer.MAX_VALUE)
                .map(seed -> stepped(new Random(seed)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(DEFAULT)),
                net.jqwik.api.Tuple.of(2, made));
    }

    static World stepped(Random random) {
        World w = world(random);
        InvasivenessLevel[] levels = InvasivenessLevel.values();
        List<Treatment> catalog = new ArrayList<>();
        for (Treatment t : w.catalog()) {
            List<SkinEffect> effects = java.util.Arrays.stream(SkinEffect.values()).filter(e -> random.nextInt(3) == 0)
                    .toList();
            catalog.add(random.nextInt(12) == 0 ? t.withInvasiveness(null) : t.withInvasiveness(
                    new Treatment.Invasiveness(levels[random.nextInt(levels.length)], effects, List.of("ref-1"), null)));
        }
        Map<Concern, RuleSettings.FirstLevel> first = new EnumMap<>(Concern.class);
        for (Concern c : Concern.values()) {
            int[] at = {random.nextInt(4), 0, 0};
            at[1] = at[0] + random.nextInt(4 - at[0]);
            at[2] = at[1] + random.nextInt(4 - at[1]);
            first.put(c, new RuleSettings.FirstLevel(levels[at[0]], levels[at[1]], levels[at[2]], List.of("clinic"),
                    null));
        }
        RuleSettings s = w.settings();
        return new World(catalog, new RuleSettings(s.isotretinoinWashoutMonths(), s.topicalRetinoidPauseDays(),
                s.minimumAge(), s.fitzpatrickRiskFrom(), s.homeCleansingCadenceDays(), s.recommendedScore(), first,
                null, null));
    }

    // ---- generators

    @Provide
    Arbitrary<Assessment> assessments() {
        Arbitrary<Integer> age = Arbitraries.integers().between(0, 120).injectNull(0.1);
        Arbitrary<SkinType> skin = Arbitraries.of(SkinType.class).injectNull(0.1);
        Arbitrary<Integer> fitzpatrick = Arbitraries.integers().between(1, 6).injectNull(0.1);
        Arbitrary<List<Concern>> concerns = Arbitraries.of(Concern.class).list().ofMaxSize(7);
        Arbitrary<List<BodyArea>> areas = Arbitraries.of(BodyArea.class).list().ofMaxSize(3);
        Arbitrary<List<Cause>> causes = Arbitraries.of(Cause.class).list().ofMaxSize(3);
        Arbitrary<List<Answer>> answers = Arbitraries.of(Answer.class).list().ofSize(MedicalFlag.values().length);
        Arbitrary<Integer> isotretinoin = Arbitraries.integers().between(-2, 900);
        Arbitrary<Integer> retinoid = Arbitraries.integers().between(-2, 10);
        Arbitrary<LocalDate> asOf = Arbitraries.integers().between(0, 3650).map(d -> LocalDate.of(2020, 1, 1)
                .plusDays(d));
        Arbitrary<BigDecimal> budget = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("12000"))
                .ofScale(2).injectNull(0.4);
        Arbitrary<String> jurisdiction = Arbitraries.of("US-CA", "US-TX", "GB", "US-NY").injectNull(0.4);

        Arbitrary<Person> person = Combinators.combine(age, skin, fitzpatrick, concerns, areas, causes)
                .as(Person::new);
        Arbitrary<Health> health = Combinators.combine(answers, isotretinoin, retinoid, asOf, budget, jurisdiction)
                .as(Health::new);
        return Combinators.combine(person, health).as(RecommendationProperties::assessment);
    }

    record Person(Integer age, SkinType skin, Integer fitzpatrick, List<Concern> concerns, List<BodyArea> areas,
            List<Cause> causes) {
    }

    /** Medicines as days before asOf; -1 never, -2 unknown. */
    record Health(List<Answer> answers, int isotretinoinDaysAgo, int retinoidDaysAgo, LocalDate asOf,
            BigDecimal budget, String jurisdiction) {
    }

    static Assessment assessment(Person p, Health h) {
        Map<MedicalFlag, Answer> medical = new EnumMap<>(MedicalFlag.class);
        for (MedicalFlag flag : MedicalFlag.values()) {
            medical.put(flag, h.answers().get(flag.ordinal()));
        }
        return new Assessment(p.age(), p.skin(), p.fitzpatrick(), p.concerns(), p.areas(), p.causes(), medical,
                lastUse(h.isotretinoinDaysAgo(), h.asOf()), lastUse(h.retinoidDaysAgo(), h.asOf()), h.asOf(),
                h.budget(), h.jurisdiction());
    }

    static LastUse lastUse(int daysAgo, LocalDate asOf) {
        return daysAgo == -1 ? LastUse.NEVER : daysAgo == -2 ? LastUse.UNKNOWN : LastUse.on(asOf.minusDays(daysAgo));
    }

    /** The contraindication codes the rules read, besides the medical questions', and some they do not. */
    static final List<String> OTHER_CODES = List.of("isotretinoin", "topical-retinoid", "fitzpatrick-iv-vi",
            "under-minimum-age", "thin-or-sensitive-skin", "active-rash", "broken-capillaries");

    @Provide
    Arbitrary<World> worlds() {
        Arbitrary<World> made = Arbitraries.integers().between(0, Integer.MAX_VALUE).map(seed -> world(new Random(seed)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(DEFAULT)),
                net.jqwik.api.Tuple.of(1, made));
    }

    /** A catalog of 1-8 test treatments with random contraindications, concerns and settings. */
    static World world(Random random) {
        List<String> codes = new ArrayList<>();
        MedicalFlag[] flags = MedicalFlag.values();
        codes.addAll(java.util.Arrays.stream(flags).map(MedicalFlag::contraindication).toList());
        codes.addAll(OTHER_CODES);
        int size = 1 + random.nextInt(8);
        List<Treatment> catalog = new ArrayList<>();
        Map<String, RuleSettings.Setting> washout = new HashMap<>();
        Map<String, RuleSettings.Setting> pause = new HashMap<>();
        Map<String, RuleSettings.Setting> minimumAge = new HashMap<>();
        for (int i = 0; i < size; i++) {
            String code = "t" + i;
            List<Treatment.Contraindication> cs = IntStream.range(0, random.nextInt(6))
                    .mapToObj(k -> contraindication(codes.get(random.nextInt(codes.size())),
                            random.nextBoolean() ? Severity.ABSOLUTE : Severity.RELATIVE, "Reason " + k + ".", "ref-1"))
                    .toList();
            Concern[] concerns = IntStream.range(0, 1 + random.nextInt(4))
                    .mapToObj(k -> Concern.values()[random.nextInt(Concern.values().length)]).distinct()
                    .toArray(Concern[]::new);
            catalog.add(TreatmentFixtures.treatment().withCode(code).withConcerns(concerns)
                    .withContraindications(cs.toArray(Treatment.Contraindication[]::new)).build());
            if (random.nextBoolean()) {
                washout.put(code, Engines.setting(random.nextInt(25)));
            }
            if (random.nextBoolean()) {
                pause.put(code, Engines.setting(random.nextInt(8)));
            }
            if (random.nextInt(3) == 0) {
                minimumAge.put(code, Engines.setting(random.nextInt(30)));
            }
        }
        RuleSettings settings = new RuleSettings(washout, pause, minimumAge, Engines.setting(1 + random.nextInt(6)),
                SETTINGS.homeCleansingCadenceDays(), Engines.setting(random.nextInt(101)));
        return new World(catalog, settings);
    }

    /** An assessment from {@code random}, for plain tests that want many. */
    static Assessment randomAssessment(Random random) {
        List<Answer> answers = IntStream.range(0, MedicalFlag.values().length)
                .mapToObj(i -> Answer.values()[random.nextInt(3)]).toList();
        LocalDate asOf = LocalDate.of(2026, 11, 21).minusDays(random.nextInt(400));
        Person p = new Person(random.nextInt(10) == 0 ? null : random.nextInt(80),
                random.nextInt(10) == 0 ? null : SkinType.values()[random.nextInt(6)],
                random.nextInt(10) == 0 ? null : 1 + random.nextInt(6),
                IntStream.range(0, random.nextInt(6)).mapToObj(i -> Concern.values()[random.nextInt(12)]).toList(),
                IntStream.range(0, random.nextInt(3)).mapToObj(i -> BodyArea.values()[random.nextInt(7)]).toList(),
                IntStream.range(0, random.nextInt(3)).mapToObj(i -> Cause.values()[random.nextInt(6)]).toList());
        Health h = new Health(answers, random.nextInt(600) - 2, random.nextInt(8) - 2, asOf,
                random.nextBoolean() ? null : BigDecimal.valueOf(random.nextInt(5000)),
                random.nextBoolean() ? null : "US-CA");
        return assessment(p, h);
    }
}
