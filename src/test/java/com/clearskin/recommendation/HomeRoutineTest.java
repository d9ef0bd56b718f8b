package com.clearskin.recommendation;

import static com.clearskin.recommendation.Engines.AS_OF;
import static com.clearskin.recommendation.Engines.CATALOG;
import static com.clearskin.recommendation.Engines.ENGINE;
import static com.clearskin.recommendation.Engines.IDS;
import static com.clearskin.recommendation.Engines.SETTINGS;
import static com.clearskin.recommendation.Engines.client;
import static com.clearskin.recommendation.Engines.recommend;
import static com.clearskin.recommendation.Engines.treatment;
import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.assessment.Answer;
import com.clearskin.assessment.Assessment;
import com.clearskin.assessment.LastUse;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.catalog.Concern;
import com.clearskin.catalog.SkinType;
import com.clearskin.catalog.Treatment;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The at-home routine of seed text 001. */
class HomeRoutineTest {

    static HomeCare write(Assessment a) {
        return HomeRoutine.write(a, SETTINGS, CATALOG.all(), IDS);
    }

    static HomeCare write(Client c) {
        return write(c.build());
    }

    private static Client of(SkinType type) {
        return new Client(type);
    }

    /** A shorthand: the default client of {@link Engines} with a skin type. */
    record Client(SkinType type) {
        Assessment build() {
            return client().skin(type).build();
        }
    }

    @Nested
    class Exfoliant {

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource({"OILY, salicylic", "ACNE_PRONE, salicylic", "NORMAL, glycolic", "COMBINATION, glycolic",
                "DRY, lactic", "SENSITIVE, lactic"})
        void bySkinType(SkinType type, String acid) {
            HomeCare care = write(of(type));

            assertThat(care.exfoliant().ingredient()).startsWith(acid);
            assertThat(care.steps().get(1).options()).containsExactly(care.exfoliant().ingredient());
            assertThat(care.steps().get(1).instruction()).contains(care.exfoliant().ingredient());
            assertThat(care.exfoliant().source()).contains("seed-001");
        }

        @Test
        void glycolicSmoothsTextureAndLacticWhileTheSkinTypeIsUnknown() {
            assertThat(write(client().skin(SkinType.NORMAL).concerns(Concern.TEXTURE).build()).exfoliant().why())
                    .contains("texture");
            assertThat(write(client().skin(null).build()).exfoliant().ingredient()).startsWith("lactic");
        }

        @Test
        void noSalicylicWithASalicylateAllergy() {
            HomeCare care = write(client().skin(SkinType.OILY).yes(MedicalFlag.SALICYLATE_ALLERGY).build());

            assertThat(care.exfoliant().ingredient()).startsWith("glycolic");
            assertThat(care.exfoliant().why()).contains("salicylate allergy");
        }

        @Test
        void noSalicylicInPregnancyOrWhileBreastfeeding() {
            HomeCare care = write(client().skin(SkinType.ACNE_PRONE).yes(MedicalFlag.PREGNANT_OR_BREASTFEEDING)
                    .build());

            assertThat(care.exfoliant().ingredient()).startsWith("glycolic");
            assertThat(care.exfoliant().why()).contains("pregnancy");
            assertThat(care.exfoliant().source()).contains("ref-9");
        }

        @Test
        void salicylicWhileThoseAnswersAreUnknownComesWithAWarning() {
            HomeCare unknown = write(client().skin(SkinType.OILY).unknown(MedicalFlag.SALICYLATE_ALLERGY).build());
            HomeCare known = write(client().skin(SkinType.OILY).build());

            assertThat(unknown.exfoliant().ingredient()).startsWith("salicylic");
            assertThat(unknown.warnings()).anySatisfy(w -> assertThat(w).contains("Do not use salicylic acid if"));
            assertThat(known.warnings()).noneSatisfy(w -> assertThat(w).contains("Do not use salicylic acid if"));
        }
    }

    @Nested
    class DeepCleansing {

        static boolean vacuum(HomeCare care) {
            return care.steps().get(2).options().stream().anyMatch(o -> o.contains("pore vacuum"));
        }

        @Test
        void masksAlwaysAndThePoreVacuumOnLowSuctionOnly() {
            HomeCare care = write(of(SkinType.OILY));

            assertThat(care.steps().get(2).options()).anySatisfy(o -> assertThat(o).contains("clay mask"))
                    .anySatisfy(o -> assertThat(o).contains("charcoal mask"))
                    .anySatisfy(o -> assertThat(o).contains("enzyme mask"))
                    .anySatisfy(o -> assertThat(o).contains("pore vacuum on low suction only"));
        }

        @Test
        void thePoreVacuumIsDroppedForSensitiveSkin() {
            HomeCare care = write(of(SkinType.SENSITIVE));

            assertThat(vacuum(care)).isFalse();
            assertThat(care.warnings()).anySatisfy(w -> assertThat(w).startsWith("Skip the pore vacuum"));
        }

        @Test
        void thePoreVacuumIsDroppedInARosaceaOrEczemaFlare() {
            HomeCare care = write(client().skin(SkinType.OILY).yes(MedicalFlag.ROSACEA_OR_ECZEMA_FLARE).build());

            assertThat(vacuum(care)).isFalse();
            assertThat(care.warnings()).anySatisfy(w -> assertThat(w).startsWith("No steaming, acids, masks or pore "
                    + "vacuum"));
        }

        @Test
        void anUnknownSkinTypeKeepsTheVacuumWithAWarningAboutThinSkin() {
            HomeCare care = write(client().skin(null).build());
            HomeCare both = write(client().skin(null).unknown(MedicalFlag.ROSACEA_OR_ECZEMA_FLARE).build());

            assertThat(vacuum(care)).isTrue();
            assertThat(care.warnings()).anySatisfy(w -> assertThat(w).endsWith("Skip it if your skin is thin or "
                    + "sensitive."));
            assertThat(both.warnings()).anySatisfy(w -> assertThat(w).endsWith("Skip it if your skin is thin or "
                    + "sensitive, and while rosacea or eczema flares."));
        }

        @Test
        void anUnknownFlareKeepsTheVacuumWithAWarningAboutFlares() {
            HomeCare care = write(client().skin(SkinType.OILY).unknown(MedicalFlag.ROSACEA_OR_ECZEMA_FLARE).build());

            assertThat(vacuum(care)).isTrue();
            assertThat(care.warnings()).anySatisfy(w -> assertThat(w).contains("while rosacea or eczema flares"));
        }
    }

    @Nested
    class Cadence {

        @ParameterizedTest(name = "{0}: every {1}-{2} days")
        @CsvSource({"OILY, 7, 14", "ACNE_PRONE, 7, 14", "NORMAL, 14, 21", "COMBINATION, 14, 21", "DRY, 28, 31",
                "SENSITIVE, 28, 31"})
        void atHomeBySkinTypeFromTheSettings(SkinType type, int min, int max) {
            HomeCare.Cadence cadence = write(of(type)).cadence();

            assertThat(cadence.intervalDaysMin()).isEqualTo(min);
            assertThat(cadence.intervalDaysMax()).isEqualTo(max);
            assertThat(cadence.source()).isEqualTo("seed-001");
        }

        @Test
        void aClinicsOwnSettingCounts() {
            HomeCare care = HomeRoutine.write(client().skin(SkinType.DRY).build(),
                    Engines.withHomeCadence(SkinType.DRY, 21, 35), CATALOG.all(), IDS);

            assertThat(care.cadence().intervalDaysMin()).isEqualTo(21);
            assertThat(care.cadence().intervalDaysMax()).isEqualTo(35);
        }

        @Test
        void anUnknownSkinTypeGetsTheWholeTable() {
            HomeCare.Cadence cadence = write(client().skin(null).build()).cadence();

            assertThat(cadence.intervalDaysMin()).isNull();
            assertThat(cadence.text()).contains("1-2 weeks").contains("2-3 weeks").contains("once a month");
            assertThat(write(client().skin(null).build()).professionalCadence()).isNull();
        }

        @ParameterizedTest(name = "{0}: every {1}-{2} days")
        @CsvSource({"OILY, 21, 28", "ACNE_PRONE, 21, 28", "NORMAL, 28, 42", "COMBINATION, 28, 42", "DRY, 28, 56",
                "SENSITIVE, 42, 56"})
        void professionalExtractionFacialsFollowTheExtractionFacialOfTheCatalog(SkinType type, int min, int max) {
            HomeCare.Cadence professional = write(of(type)).professionalCadence();

            assertThat(professional.intervalDaysMin()).isEqualTo(min);
            assertThat(professional.intervalDaysMax()).isEqualTo(max);
            assertThat(professional.source()).isEqualTo("ref-45");
        }

        @Test
        void theProfessionalCadenceIsNotTheAtHomeOneEvenWhenOnlyTheAtHomeTreatmentIsOffered() {
            List<Treatment> homeOnly = List.of(treatment("home-deep-pore-cleansing"));

            HomeCare care = HomeRoutine.write(client().skin(SkinType.OILY).build(), SETTINGS, homeOnly, IDS);

            assertThat(care.professionalCadence()).isNull();
            assertThat(ENGINE.recommend(client().skin(SkinType.OILY).build(), homeOnly, SETTINGS, null).homeCare()
                    .professionalCadence()).isNull();
        }
    }

    @Nested
    class Warnings {

        @ParameterizedTest(name = "{0}")
        @EnumSource(SkinType.class)
        void overExfoliatingIsAlwaysWarnedAgainst(SkinType type) {
            assertThat(write(of(type)).warnings().get(0)).startsWith("Do not over-exfoliate");
            assertThat(write(client().skin(type).nothingAnswered().build()).warnings().get(0))
                    .startsWith("Do not over-exfoliate");
        }

        @Test
        void overExfoliatingIsWarnedAgainstForAnyClient() {
            Random random = new Random(1);
            for (int i = 0; i < 500; i++) {
                Client c = new Client(random.nextInt(7) == 6 ? null : SkinType.values()[random.nextInt(6)]);
                Engines.Client client = client().skin(c.type());
                for (MedicalFlag flag : MedicalFlag.values()) {
                    client.answer(flag, Answer.values()[random.nextInt(3)]);
                }
                HomeCare care = write(client.build());
                assertThat(care.warnings()).anySatisfy(w -> assertThat(w).contains(care.paused()
                        ? "No steaming, acids, masks or pore vacuum" : "over-exfoliate"));
            }
        }

        @Test
        void ahasComeWithSunscreenAndSunburnOrWoundsWithNoExfoliation() {
            assertThat(write(of(SkinType.DRY)).warnings()).anySatisfy(w -> assertThat(w).contains("sunscreen"));
            assertThat(write(of(SkinType.OILY)).warnings()).noneSatisfy(w -> assertThat(w).contains("sunscreen"));
            assertThat(write(client().yes(MedicalFlag.SUNBURN_OR_RECENT_TAN).build()).warnings())
                    .anySatisfy(w -> assertThat(w).contains("No steaming, acids, masks or pore vacuum"));
            assertThat(write(client().unknown(MedicalFlag.OPEN_WOUNDS_IN_AREA).build()).warnings())
                    .anySatisfy(w -> assertThat(w).contains("sunburnt or broken skin"));
            assertThat(write(of(SkinType.NORMAL)).warnings())
                    .noneSatisfy(w -> assertThat(w).contains("sunburnt or broken skin"));
        }

        @Test
        void masksAtMostWeeklyForDryOrSensitiveSkin() {
            assertThat(write(of(SkinType.SENSITIVE)).warnings()).anySatisfy(w -> assertThat(w).contains("once a week"));
            assertThat(write(of(SkinType.OILY)).warnings()).noneSatisfy(w -> assertThat(w).contains("once a week"));
        }
    }

    @Test
    void theFiveStepsOfSeed001WithThePreparationTimes() {
        HomeCare care = write(of(SkinType.NORMAL));

        assertThat(care.steps()).extracting(HomeCare.Step::name).containsExactly("Prepare the skin",
                "Exfoliate gently", "Deep-cleanse", "Soothe and calm", "Hydrate and lock in moisture");
        assertThat(care.steps().get(0).options()).contains("a warm, damp towel for 3-5 minutes",
                "a facial steamer for 5-10 minutes");
        assertThat(care.steps().get(3).options()).contains("aloe vera", "niacinamide", "hyaluronic acid");
        assertThat(write(of(SkinType.OILY)).steps().get(4).options()).noneSatisfy(o -> assertThat(o).contains("oil"));
    }

    @Test
    void theRoutineWrittenOncePerVariantIsTheOneWrittenAfresh() {
        PreparedCatalog prepared = ENGINE.prepare(CATALOG.all(), SETTINGS);
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            Engines.Client c = client().skin(random.nextInt(7) == 6 ? null : SkinType.values()[random.nextInt(6)])
                    .concerns(random.nextBoolean() ? new Concern[] {Concern.TEXTURE} : new Concern[] {Concern.ACNE});
            for (MedicalFlag flag : MedicalFlag.values()) {
                c.answer(flag, Answer.values()[random.nextInt(3)]);
            }
            Assessment a = c.build();
            assertThat(prepared.homeCare(a)).isEqualTo(write(a));
            assertThat(recommend(a).homeCare()).isEqualTo(write(a));
        }
    }

    /** Compromised skin: only gentle cleansing, soothing and sun protection, saying why and until when. */
    @Nested
    class GentleOnly {

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = MedicalFlag.class, names = {"SUNBURN_OR_RECENT_TAN", "OPEN_WOUNDS_IN_AREA",
                "ROSACEA_OR_ECZEMA_FLARE", "PSORIASIS_FLARE", "ACTIVE_INFECTION_IN_AREA"})
        void compromisedSkinGetsNoSteamingAcidsMasksOrVacuum(MedicalFlag flag) {
            HomeCare care = write(client().skin(SkinType.OILY).yes(flag).build());

            assertThat(care.paused()).isTrue();
            assertGentle(care);
            assertThat(care.pause().because()).isNotEmpty();
            assertThat(care.pause().untilText()).startsWith("Until ");
        }

        @Test
        void withinTheIsotretinoinPauseItSaysTheDate() {
            HomeCare care = write(client().skin(SkinType.OILY).isotretinoin(LastUse.on(AS_OF.minusMonths(2))).build());

            assertThat(care.paused()).isTrue();
            assertGentle(care);
            assertThat(care.pause().until()).isEqualTo(AS_OF.minusMonths(2).plusMonths(6));
            assertThat(care.pause().untilText()).contains(AS_OF.minusMonths(2).plusMonths(6).toString());
        }

        @Test
        void afterTheIsotretinoinPauseOrWithUnknownAnswersTheFullRoutineStays() {
            assertThat(write(client().isotretinoin(LastUse.on(AS_OF.minusMonths(7))).build()).paused()).isFalse();
            assertThat(write(client().unknown(MedicalFlag.SUNBURN_OR_RECENT_TAN).build()).paused()).isFalse();
        }

        @Test
        void theEngineGivesTheGentleRoutineToo() {
            Assessment a = client().skin(SkinType.OILY).concerns(Concern.BLACKHEADS)
                    .yes(MedicalFlag.SUNBURN_OR_RECENT_TAN).build();

            assertGentle(Engines.recommend(a).homeCare());
        }

        private void assertGentle(HomeCare care) {
            String all = care.steps().stream().flatMap(s -> java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(s.name(), s.instruction()), s.options().stream()))
                    .collect(java.util.stream.Collectors.joining(" | ")).toLowerCase(java.util.Locale.ROOT);
            assertThat(all).doesNotContain("steamer").doesNotContain("mask").doesNotContain("vacuum")
                    .doesNotContain("acid (").doesNotContain("salicylic").doesNotContain("glycolic")
                    .doesNotContain("lactic");
            assertThat(care.steps()).extracting(HomeCare.Step::name)
                    .containsExactly("Cleanse gently", "Soothe and moisturise", "Protect from the sun");
            assertThat(care.exfoliant().ingredient()).isEqualTo("none for now");
            assertThat(care.warnings().get(0)).startsWith("No steaming, acids, masks or pore vacuum");
        }
    }
}
