package com.clearskin.recommendation;

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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine outside Spring for unit tests: the real default catalog and settings, sources shown
 * as their ids (so a test can check which source a reason cites), and a builder of assessments
 * that starts from a client who answered "no" to everything and never took a retinoid.
 */
final class Engines {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final DefaultCatalog CATALOG = DefaultCatalog.fromClasspath(JSON);
    static final RuleSettings SETTINGS = RuleSettings.fromClasspath(JSON);
    static final Rule.Sources IDS = ids -> String.join(", ", ids);
    static final RecommendationEngine ENGINE = new RecommendationEngine(IDS);
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);

    private Engines() {
    }

    static Treatment treatment(String code) {
        return CATALOG.require(code);
    }

    static Recommendation recommend(Assessment a) {
        return ENGINE.recommend(a, CATALOG.all(), SETTINGS, null);
    }

    static TreatmentVerdict verdictOf(Recommendation r, String code) {
        return r.treatments().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    static TreatmentVerdict judge(Assessment a, String code) {
        return verdictOf(recommend(a), code);
    }

    static Rule.Input input(Assessment a, Treatment t) {
        return new Rule.Input(a, t, SETTINGS, null, IDS);
    }

    static Rule.Input input(Assessment a, Treatment t, RuleSettings settings, String jurisdiction) {
        return new Rule.Input(a, t, settings, jurisdiction, IDS);
    }

    /** What one rule finds on its own. */
    static Findings apply(Rule rule, Rule.Input in) {
        Findings f = new Findings();
        rule.apply(in, f);
        return f;
    }

    static Rule rule(String name) {
        return RecommendationEngine.rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    /** The default settings with one isotretinoin washout (months) changed; null removes it. */
    static RuleSettings withWashout(String treatment, Integer months) {
        Map<String, RuleSettings.Setting> map = new HashMap<>(SETTINGS.isotretinoinWashoutMonths());
        put(map, treatment, months);
        return new RuleSettings(map, SETTINGS.topicalRetinoidPauseDays(), SETTINGS.minimumAge(),
                SETTINGS.fitzpatrickRiskFrom(), SETTINGS.homeCleansingCadenceDays(), SETTINGS.recommendedScore());
    }

    static RuleSettings withRetinoidPause(String treatment, Integer days) {
        Map<String, RuleSettings.Setting> map = new HashMap<>(SETTINGS.topicalRetinoidPauseDays());
        put(map, treatment, days);
        return new RuleSettings(SETTINGS.isotretinoinWashoutMonths(), map, SETTINGS.minimumAge(),
                SETTINGS.fitzpatrickRiskFrom(), SETTINGS.homeCleansingCadenceDays(), SETTINGS.recommendedScore());
    }

    static RuleSettings withMinimumAge(String treatment, Integer age) {
        Map<String, RuleSettings.Setting> map = new HashMap<>(SETTINGS.minimumAge());
        put(map, treatment, age);
        return new RuleSettings(SETTINGS.isotretinoinWashoutMonths(), SETTINGS.topicalRetinoidPauseDays(), map,
                SETTINGS.fitzpatrickRiskFrom(), SETTINGS.homeCleansingCadenceDays(), SETTINGS.recommendedScore());
    }

    static RuleSettings withFitzpatrickRiskFrom(int type) {
        return new RuleSettings(SETTINGS.isotretinoinWashoutMonths(), SETTINGS.topicalRetinoidPauseDays(),
                SETTINGS.minimumAge(), setting(type), SETTINGS.homeCleansingCadenceDays(), SETTINGS.recommendedScore());
    }

    static RuleSettings withRecommendedScore(int score) {
        return new RuleSettings(SETTINGS.isotretinoinWashoutMonths(), SETTINGS.topicalRetinoidPauseDays(),
                SETTINGS.minimumAge(), SETTINGS.fitzpatrickRiskFrom(), SETTINGS.homeCleansingCadenceDays(),
                setting(score));
    }

    static RuleSettings withHomeCadence(SkinType type, int min, int max) {
        Map<SkinType, RuleSettings.Range> map = new EnumMap<>(SETTINGS.homeCleansingCadenceDays());
        map.put(type, new RuleSettings.Range(min, max, List.of("clinic")));
        return new RuleSettings(SETTINGS.isotretinoinWashoutMonths(), SETTINGS.topicalRetinoidPauseDays(),
                SETTINGS.minimumAge(), SETTINGS.fitzpatrickRiskFrom(), map, SETTINGS.recommendedScore());
    }

    static RuleSettings.Setting setting(int value) {
        return new RuleSettings.Setting(value, List.of("clinic"), null);
    }

    private static void put(Map<String, RuleSettings.Setting> map, String treatment, Integer value) {
        if (value == null) {
            map.remove(treatment);
        } else {
            map.put(treatment, setting(value));
        }
    }

    static Client client() {
        return new Client();
    }

    /**
     * An assessment under construction: by default 30 years old, normal skin, Fitzpatrick II, no
     * concern named, "no" to every medical question, never isotretinoin nor a retinoid, as of
     * {@link #AS_OF}, no budget, no jurisdiction.
     */
    static final class Client {
        private Integer age = 30;
        private SkinType skinType = SkinType.NORMAL;
        private Integer fitzpatrick = 2;
        private List<Concern> concerns = List.of();
        private List<BodyArea> areas = List.of();
        private List<Cause> causes = List.of();
        private final Map<MedicalFlag, Answer> medical = new EnumMap<>(MedicalFlag.class);
        private LastUse isotretinoin = LastUse.NEVER;
        private LastUse retinoid = LastUse.NEVER;
        private LocalDate asOf = AS_OF;
        private BigDecimal budget;
        private String jurisdiction;

        private Client() {
            for (MedicalFlag flag : MedicalFlag.values()) {
                medical.put(flag, Answer.NO);
            }
        }

        Client age(Integer age) {
            this.age = age;
            return this;
        }

        Client skin(SkinType type) {
            this.skinType = type;
            return this;
        }

        Client fitzpatrick(Integer type) {
            this.fitzpatrick = type;
            return this;
        }

        Client concerns(Concern... concerns) {
            this.concerns = Arrays.asList(concerns);
            return this;
        }

        Client areas(BodyArea... areas) {
            this.areas = Arrays.asList(areas);
            return this;
        }

        Client causes(Cause... causes) {
            this.causes = Arrays.asList(causes);
            return this;
        }

        Client answer(MedicalFlag flag, Answer answer) {
            medical.put(flag, answer);
            return this;
        }

        Client yes(MedicalFlag flag) {
            return answer(flag, Answer.YES);
        }

        Client unknown(MedicalFlag flag) {
            return answer(flag, Answer.UNKNOWN);
        }

        /** Unknown for every medical question and both medicines: an intake left blank. */
        Client nothingAnswered() {
            for (MedicalFlag flag : MedicalFlag.values()) {
                medical.put(flag, Answer.UNKNOWN);
            }
            isotretinoin = LastUse.UNKNOWN;
            retinoid = LastUse.UNKNOWN;
            return this;
        }

        Client isotretinoin(LastUse last) {
            this.isotretinoin = last;
            return this;
        }

        Client isotretinoinOn(String date) {
            return isotretinoin(LastUse.on(LocalDate.parse(date)));
        }

        Client retinoid(LastUse last) {
            this.retinoid = last;
            return this;
        }

        Client retinoidOn(String date) {
            return retinoid(LastUse.on(LocalDate.parse(date)));
        }

        Client asOf(String date) {
            this.asOf = LocalDate.parse(date);
            return this;
        }

        Client budget(String usd) {
            this.budget = usd == null ? null : new BigDecimal(usd);
            return this;
        }

        Client jurisdiction(String code) {
            this.jurisdiction = code;
            return this;
        }

        Assessment build() {
            return new Assessment(age, skinType, fitzpatrick, concerns, areas, causes, medical, isotretinoin,
                    retinoid, asOf, budget, jurisdiction);
        }
    }
}
