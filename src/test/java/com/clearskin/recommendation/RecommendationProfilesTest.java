package com.clearskin.recommendation;

import static com.clearskin.recommendation.Engines.CATALOG;
import static com.clearskin.recommendation.Engines.recommend;
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
import com.clearskin.catalog.SkinType;
import com.clearskin.catalog.Treatment;
import com.clearskin.platform.Coded;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Client profiles from {@code src/test/resources/recommendation/profiles.csv} (the file explains its
 * small language), each with the verdicts it must get, over the real default catalog and settings.
 * Together they cover every rule, every skin type and every Fitzpatrick type.
 */
class RecommendationProfilesTest {

    static final String FILE = "/recommendation/profiles.csv";
    static final Pattern EXPECTATION = Pattern.compile(
            "^([a-z*-]+)=([a-z-]+)(?:#(\\d+))?(?:\\[([a-z,-]+)])?(?:@([0-9-]+|none))?$");

    record Profile(int line, String name, String client, String expectations) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Profile> profiles() {
        List<Profile> profiles = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                RecommendationProfilesTest.class.getResourceAsStream(FILE), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split(";", -1);
                if (columns.length != 3) {
                    throw new IllegalStateException(FILE + ":" + number + " needs three columns: " + line);
                }
                profiles.add(new Profile(number, columns[0].strip(), columns[1].strip(), columns[2].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return profiles;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void theProfileGetsItsVerdicts(Profile profile) {
        Recommendation r = recommend(client(profile.client()));
        SoftAssertions softly = new SoftAssertions();
        for (String expectation : profile.expectations().split("\\s+")) {
            check(expectation, r, softly, profile);
        }
        softly.assertAll();
    }

    static void check(String expectation, Recommendation r, SoftAssertions softly, Profile p) {
        String where = p.name() + " (line " + p.line() + "): " + expectation;
        if (expectation.startsWith("home.")) {
            home(expectation, r.homeCare(), softly, where);
            return;
        }
        if (expectation.startsWith("top=")) {
            List<String> top = List.of(expectation.substring(4).split(","));
            softly.assertThat(r.treatments().stream().limit(top.size()).map(TreatmentVerdict::code).toList())
                    .as(where).containsExactlyElementsOf(top);
            return;
        }
        Matcher m = EXPECTATION.matcher(expectation);
        if (!m.matches()) {
            throw new IllegalStateException("Cannot read " + where);
        }
        Verdict verdict = Coded.find(Verdict.class, m.group(2))
                .orElseThrow(() -> new IllegalStateException("No verdict " + m.group(2) + " in " + where));
        List<TreatmentVerdict> concerned = m.group(1).equals("*") ? r.treatments()
                : List.of(Engines.verdictOf(r, m.group(1)));
        for (TreatmentVerdict t : concerned) {
            softly.assertThat(t.verdict()).as(where + " verdict of " + t.code()).isEqualTo(verdict);
            if (m.group(3) != null) {
                softly.assertThat(t.score()).as(where + " score").isEqualTo(Integer.parseInt(m.group(3)));
            }
            if (m.group(4) != null) {
                softly.assertThat(t.reasons()).extracting(Reason::rule).as(where + " rules")
                        .contains(m.group(4).split(","));
            }
            if (m.group(5) != null) {
                LocalDate expected = m.group(5).equals("none") ? null : LocalDate.parse(m.group(5));
                softly.assertThat(t.reconsiderOn()).as(where + " reconsiderOn").isEqualTo(expected);
            }
            softly.assertThat(t.course() != null).as(where + " course").isEqualTo(verdict.plannable());
        }
    }

    static void home(String expectation, HomeCare care, SoftAssertions softly, String where) {
        String[] kv = expectation.substring(5).split("=", 2);
        switch (kv[0]) {
            case "exfoliant" -> softly.assertThat(care.exfoliant().ingredient()).as(where).startsWith(kv[1]);
            case "vacuum" -> softly.assertThat(care.steps().get(2).options().stream()
                    .anyMatch(o -> o.contains("pore vacuum"))).as(where).isEqualTo(kv[1].equals("yes"));
            case "cadence" -> softly.assertThat(care.cadence().intervalDaysMin() + "-" + care.cadence()
                    .intervalDaysMax()).as(where).isEqualTo(kv[1]);
            case "professional" -> softly.assertThat(care.professionalCadence() == null ? "none"
                    : care.professionalCadence().intervalDaysMin() + "-" + care.professionalCadence()
                    .intervalDaysMax()).as(where).isEqualTo(kv[1]);
            default -> throw new IllegalStateException("Cannot read " + where);
        }
    }

    /** The client a profile's second column describes. */
    static Assessment client(String spec) {
        Engines.Client c = Engines.client();
        java.util.Map<Concern, ConcernSeverity> severity = new java.util.EnumMap<>(Concern.class);
        List<InvasivenessLevel> tried = new ArrayList<>();
        for (String token : spec.split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.equals("blank")) {
                c.nothingAnswered();
                continue;
            }
            String[] kv = token.split("=", 2);
            String value = kv[1];
            switch (kv[0]) {
                case "age" -> c.age(value.equals("?") ? null : Integer.valueOf(value));
                case "skin" -> c.skin(value.equals("?") ? null : code(SkinType.class, value));
                case "fitz" -> c.fitzpatrick(value.equals("?") ? null : Integer.valueOf(value));
                case "concerns" -> c.concerns(codes(Concern.class, value).toArray(Concern[]::new));
                case "areas" -> c.areas(codes(BodyArea.class, value).toArray(BodyArea[]::new));
                case "causes" -> c.causes(codes(Cause.class, value).toArray(Cause[]::new));
                case "yes" -> Arrays.stream(value.split(",")).forEach(f -> c.answer(flag(f), Answer.YES));
                case "unknown" -> Arrays.stream(value.split(",")).forEach(f -> c.answer(flag(f), Answer.UNKNOWN));
                case "isotretinoin" -> c.isotretinoin(lastUse(value));
                case "retinoid" -> c.retinoid(lastUse(value));
                case "asOf" -> c.asOf(value);
                case "budget" -> c.budget(value);
                case "jurisdiction" -> c.jurisdiction(value);
                case "severity" -> Arrays.stream(value.split(",")).map(kvs -> kvs.split(":"))
                        .forEach(pair -> severity.put(code(Concern.class, pair[0]), code(ConcernSeverity.class, pair[1])));
                case "tried" -> tried.addAll(codes(InvasivenessLevel.class, value));
                default -> throw new IllegalStateException("Unknown client field " + token);
            }
        }
        Assessment a = c.build().withTried(tried);
        for (var e : severity.entrySet()) {
            a = a.withSeverity(e.getKey(), e.getValue());
        }
        return a;
    }

    static <E extends Enum<E> & Coded> E code(Class<E> type, String code) {
        return Coded.find(type, code).orElseThrow(() -> new IllegalStateException("No " + type.getSimpleName()
                + " " + code));
    }

    static <E extends Enum<E> & Coded> List<E> codes(Class<E> type, String codes) {
        return Arrays.stream(codes.split(",")).map(c -> code(type, c)).toList();
    }

    static MedicalFlag flag(String field) {
        return MedicalFlag.byField(field).orElseThrow(() -> new IllegalStateException("No question " + field));
    }

    static LastUse lastUse(String value) {
        return switch (value) {
            case "never" -> LastUse.NEVER;
            case "unknown" -> LastUse.UNKNOWN;
            default -> LastUse.on(LocalDate.parse(value));
        };
    }

    // ---- the table covers what it must

    @Test
    void thereAreAtLeast40Profiles() {
        assertThat(profiles()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(profiles().stream().map(Profile::name)).doesNotHaveDuplicates();
    }

    @Test
    void everyRuleIsExpectedToSpeakInSomeProfile() {
        Set<String> expected = new HashSet<>();
        for (Profile p : profiles()) {
            for (String e : p.expectations().split("\\s+")) {
                Matcher m = EXPECTATION.matcher(e);
                if (m.matches() && m.group(4) != null) {
                    expected.addAll(List.of(m.group(4).split(",")));
                }
            }
        }

        // skin-effect-safety speaks only where a catalog lists less than its treatments' skin effects require,
        // which the default catalog never does (CatalogConsistencyTest); SafetyRulesTest covers it.
        assertThat(expected).containsAll(RecommendationEngine.rules().stream().map(Rule::name)
                .filter(name -> !name.equals(SkinEffectSafety.RULE)).toList());
    }

    @Test
    void everySkinTypeAndFitzpatrickTypeIsProfiled() {
        List<Assessment> clients = profiles().stream().map(p -> client(p.client())).toList();

        assertThat(clients.stream().map(Assessment::skinType)).contains(SkinType.values()).contains((SkinType) null);
        assertThat(clients.stream().map(Assessment::fitzpatrick)).contains(1, 2, 3, 4, 5, 6).contains((Integer) null);
    }

    @Test
    void everyVerdictAndEveryTreatmentIsExpectedSomewhere() {
        Set<String> treatments = new HashSet<>();
        Set<String> verdicts = new HashSet<>();
        for (Profile p : profiles()) {
            Stream.of(p.expectations().split("\\s+")).map(EXPECTATION::matcher).filter(Matcher::matches).forEach(m -> {
                treatments.add(m.group(1));
                verdicts.add(m.group(2));
            });
        }

        assertThat(treatments).containsAll(CATALOG.all().stream().map(Treatment::code).toList());
        assertThat(verdicts).containsAll(Arrays.stream(Verdict.values()).map(Verdict::code).toList());
    }
}
