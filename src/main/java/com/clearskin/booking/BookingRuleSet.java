package com.clearskin.booking;

import com.clearskin.catalog.SkinType;
import com.clearskin.catalog.Treatment;
import com.clearskin.recommendation.Reason;
import com.clearskin.recommendation.Rule;
import com.clearskin.recommendation.TreatmentVerdict;
import com.clearskin.recommendation.Verdict;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The treatment rules a booking passes, in plain Java: one named method per rule, each giving at
 * most one finding with a sentence the client understands and the first date the rule allows.
 * The rules read the client's latest assessment as the recommendation engine judged it for the day
 * of treatment, the client's sessions, the clinic's catalog and the clinic's booking-rule data.
 */
public final class BookingRuleSet {

    static final String NO_ASSESSMENT = "no-assessment";
    static final String MINIMUM_INTERVAL = "minimum-interval";
    static final String PROFESSIONAL_CADENCE = "professional-cadence";
    static final String RECOVERY_WINDOW = "recovery-window";
    static final String PROFESSIONAL = "professional";
    static final String AT_HOME = "at-home";

    /**
     * How a finding drawn from the client's medical answers reads to a caller who may not read them:
     * the rule in neutral words, no answer, date or question.
     */
    static final String MEDICAL_REASON = "a medical reason: a practitioner must review";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

    /**
     * What the rules read about one booking. {@code verdict} is the recommendation engine's verdict
     * on the treatment for the client's latest assessment as of {@code date} (null: no assessment on
     * file, then {@code skinType} is null too); {@code history} holds the client's other sessions;
     * {@code catalog} is the clinic's whole catalog by code (inactive treatments too: their
     * recovery still counts).
     */
    public record Input(Treatment treatment, LocalDate date, SkinType skinType, TreatmentVerdict verdict,
            TreatmentHistory history, Map<String, Treatment> catalog, BookingRuleSettings settings) {

        boolean assessed() {
            return verdict != null;
        }
    }

    private final Rule.Sources sources;

    public BookingRuleSet(Rule.Sources sources) {
        this.sources = sources;
    }

    /** Every finding, the excluded ones first; empty when every rule allows the booking. */
    public List<RuleFinding> check(Input in) {
        List<RuleFinding> findings = new ArrayList<>(2);
        noAssessment(in).ifPresent(findings::add);
        contraindications(in).ifPresent(findings::add);
        professionalCadence(in).ifPresent(findings::add);
        minimumInterval(in).ifPresent(findings::add);
        recoveryWindow(in).ifPresent(findings::add);
        findings.sort(Comparator.comparing(RuleFinding::level));
        return findings;
    }

    /** Without an assessment on file nobody has checked the client's contraindications: a caution. */
    Optional<RuleFinding> noAssessment(Input in) {
        if (in.assessed()) {
            return Optional.empty();
        }
        return Optional.of(new RuleFinding(NO_ASSESSMENT, RuleFinding.Level.CAUTION, "We have no skin assessment on "
                + "file for you, so " + name(in) + " on " + day(in.date()) + " needs a practitioner's review first "
                + "(rule " + NO_ASSESSMENT + "). Complete the intake, or ask the clinic's staff to book it with a "
                + "recorded reason.", null));
    }

    /**
     * The recommendation engine's verdict on the day of treatment: excluded refuses the booking until
     * the exclusion ends (never, when it does not end by itself); caution, or an answer that matters
     * but is unknown, needs a practitioner's review. The finding carries a neutral message too, for
     * a caller who may not read the client's medical answers.
     */
    Optional<RuleFinding> contraindications(Input in) {
        TreatmentVerdict verdict = in.verdict();
        if (verdict == null || verdict.reasons().isEmpty()) {
            return Optional.empty();
        }
        Reason first = verdict.reasons().get(0);
        if (verdict.verdict() == Verdict.EXCLUDED) {
            LocalDate from = verdict.reconsiderOn();
            String when = from == null
                    ? " No date will allow it as things stand; please talk to your practitioner."
                    : " The first date this rule allows is " + day(from) + ".";
            return Optional.of(new RuleFinding(first.rule(), RuleFinding.Level.EXCLUDED, name(in) + " cannot be booked "
                    + "for " + day(in.date()) + " (rule " + first.rule() + "): " + sentence(first.text()) + when, from,
                    name(in) + " cannot be booked for " + day(in.date()) + " for " + MEDICAL_REASON + "."));
        }
        if (verdict.verdict() == Verdict.CAUTION || verdict.verdict() == Verdict.NEEDS_INFORMATION) {
            String what = verdict.verdict() == Verdict.CAUTION ? "needs a practitioner's review"
                    : "needs an answer we do not have yet";
            return Optional.of(new RuleFinding(first.rule(), RuleFinding.Level.CAUTION, name(in) + " on "
                    + day(in.date()) + " " + what + " (rule " + first.rule() + "): " + sentence(first.text())
                    + " The clinic's staff may book it with a recorded reason.", null,
                    name(in) + " on " + day(in.date()) + " needs review for " + MEDICAL_REASON
                            + ". The clinic's staff may book it with a recorded reason."));
        }
        return Optional.empty();
    }

    /**
     * Sessions of one treatment follow the professional cadence for the client's skin type (never
     * the at-home cadence): a session closer than its minimum to another one is refused.
     */
    Optional<RuleFinding> professionalCadence(Input in) {
        Optional<Treatment.Cadence> cadence = professionalCadenceFor(in.treatment(), in.skinType());
        if (cadence.isEmpty()) {
            return Optional.empty();
        }
        Treatment.Cadence c = cadence.get();
        String why = "the professional cadence for " + skin(in.skinType()) + " skin is a session every "
                + c.intervalDaysMin() + "-" + c.intervalDaysMax() + " days (" + describe(c.sources()) + ")"
                + atHomeNote(in);
        return spacing(in, c.intervalDaysMin(), PROFESSIONAL_CADENCE, why);
    }

    /**
     * Without a professional cadence for the client's skin type, sessions of one treatment are at
     * least the course's minimum interval apart.
     */
    Optional<RuleFinding> minimumInterval(Input in) {
        Treatment.Course course = in.treatment().course();
        if (professionalCadenceFor(in.treatment(), in.skinType()).isPresent() || course == null
                || course.intervalDaysMin() <= 0) {
            return Optional.empty();
        }
        String why = "sessions of a course are at least " + course.intervalDaysMin() + " days apart ("
                + describe(course.sources()) + ")" + atHomeNote(in);
        return spacing(in, course.intervalDaysMin(), MINIMUM_INTERVAL, why);
    }

    /**
     * No resurfacing or exfoliating treatment within the recovery of another (either way round): after
     * one on day E whose recovery lasts R days, the next may be on day E + R at the earliest, and
     * never on the same day.
     */
    Optional<RuleFinding> recoveryWindow(Input in) {
        BookingRuleSettings settings = in.settings();
        String code = in.treatment().code();
        if (!settings.resurfacing(code)) {
            return Optional.empty();
        }
        BookingRuleSettings.Recovery own = settings.recoveryAfter(in.treatment());
        List<Gap> gaps = new ArrayList<>();
        for (TreatmentHistory.Session s : in.history().sessions()) {
            Treatment other = in.catalog().get(s.treatment());
            if (s.treatment().equals(code) || other == null || !settings.resurfacing(s.treatment())) {
                continue;
            }
            BookingRuleSettings.Recovery theirs = settings.recoveryAfter(other);
            gaps.add(new Gap(s, other, Math.max(1, theirs.days()), Math.max(1, own.days()), theirs));
        }
        Optional<Gap> conflict = gaps.stream().filter(g -> g.refuses(in.date())).findFirst();
        if (conflict.isEmpty()) {
            return Optional.empty();
        }
        Gap g = conflict.get();
        LocalDate from = firstAllowed(in.date(), gaps);
        boolean earlier = !g.session().date().isAfter(in.date());
        String message = earlier
                ? name(in) + " on " + day(in.date()) + " falls within the recovery from your "
                        + g.treatment().name() + " on " + day(g.session().date()) + " (rule " + RECOVERY_WINDOW + "): "
                        + "its recovery lasts " + g.recovery().days() + " days (" + recoverySource(g.recovery()) + ")"
                : name(in) + " on " + day(in.date()) + " would leave your " + g.treatment().name() + " on "
                        + day(g.session().date()) + " within this treatment's recovery (rule " + RECOVERY_WINDOW
                        + "): it lasts " + own.days() + " days (" + recoverySource(own) + ")";
        return Optional.of(new RuleFinding(RECOVERY_WINDOW, RuleFinding.Level.EXCLUDED, message
                + ", and resurfacing or exfoliating treatments may not overlap a recovery or share a day. "
                + firstAllowedSentence(in.date(), from, gaps), from));
    }

    /** The professional cadence entry for the skin type; empty when the skin type is unknown or has none. */
    static Optional<Treatment.Cadence> professionalCadenceFor(Treatment t, SkinType skinType) {
        return cadenceFor(t, skinType, PROFESSIONAL);
    }

    private static Optional<Treatment.Cadence> cadenceFor(Treatment t, SkinType skinType, String view) {
        if (skinType == null) {
            return Optional.empty();
        }
        return t.cadence().stream().filter(c -> view.equals(c.view()) && c.skinTypes().contains(skinType))
                .findFirst();
    }

    /** Sessions of the same treatment at least {@code days} apart, before and after the new date. */
    private Optional<RuleFinding> spacing(Input in, int days, String rule, String why) {
        List<Gap> gaps = in.history().of(in.treatment().code()).stream()
                .map(s -> new Gap(s, in.treatment(), days, days, null)).toList();
        Optional<Gap> conflict = gaps.stream().filter(g -> g.refuses(in.date())).findFirst();
        if (conflict.isEmpty()) {
            return Optional.empty();
        }
        LocalDate from = firstAllowed(in.date(), gaps);
        TreatmentHistory.Session other = conflict.get().session();
        String message = name(in) + " on " + day(in.date()) + " is too close to your session on "
                + day(other.date()) + " (rule " + rule + "): " + why + ". " + firstAllowedSentence(in.date(), from, gaps);
        return Optional.of(new RuleFinding(rule, RuleFinding.Level.EXCLUDED, message, from));
    }

    /**
     * A session on {@code session}'s date and what it requires of a new one: at least {@code after}
     * days after it, or at least {@code before} days before it.
     */
    record Gap(TreatmentHistory.Session session, Treatment treatment, int after, int before,
            BookingRuleSettings.Recovery recovery) {

        boolean refuses(LocalDate date) {
            LocalDate at = session.date();
            return date.isBefore(at.plusDays(after)) && date.isAfter(at.minusDays(before));
        }
    }

    /** The first date on or after {@code date} that no gap refuses. */
    static LocalDate firstAllowed(LocalDate date, List<Gap> gaps) {
        LocalDate candidate = date;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Gap g : gaps) {
                if (g.refuses(candidate)) {
                    candidate = g.session().date().plusDays(g.after());
                    moved = true;
                }
            }
        }
        return candidate;
    }

    /** The latest date before {@code date} that no gap refuses, looking back at most a year; null if none. */
    static LocalDate lastAllowedBefore(LocalDate date, List<Gap> gaps) {
        LocalDate candidate = date.minusDays(1);
        LocalDate limit = date.minusYears(1);
        while (!candidate.isBefore(limit)) {
            LocalDate c = candidate;
            Optional<Gap> refusing = gaps.stream().filter(g -> g.refuses(c)).findFirst();
            if (refusing.isEmpty()) {
                return candidate;
            }
            candidate = refusing.get().session().date().minusDays(refusing.get().before());
        }
        return null;
    }

    /** The first allowed date, and, when the conflict is with a later session, the last one before it too. */
    private static String firstAllowedSentence(LocalDate date, LocalDate from, List<Gap> gaps) {
        boolean laterConflict = gaps.stream().anyMatch(g -> g.refuses(date) && g.session().date().isAfter(date));
        String text = "The first date this rule allows is " + day(from) + ".";
        if (laterConflict) {
            LocalDate before = lastAllowedBefore(date, gaps);
            text += " Because the conflict is with a later session, that date comes after it"
                    + (before == null ? "." : "; an earlier date, on or before " + day(before) + ", is allowed too.");
        }
        return text;
    }

    private String atHomeNote(Input in) {
        return cadenceFor(in.treatment(), in.skinType(), AT_HOME)
                .map(c -> "; the at-home cadence (every " + c.intervalDaysMin() + "-" + c.intervalDaysMax()
                        + " days) is for your own routine and does not set the spacing of clinic sessions")
                .orElse("");
    }

    private String recoverySource(BookingRuleSettings.Recovery r) {
        String from = r.fromCatalog() ? "the treatment's downtime" : "the clinic's recovery setting";
        String cited = describe(r.sources());
        return cited.isEmpty() ? from : from + ": " + cited;
    }

    private String describe(List<String> ids) {
        String text = ids.isEmpty() ? "" : sources.describe(ids);
        return text == null ? "" : text;
    }

    private static String name(Input in) {
        return in.treatment().name();
    }

    private static String skin(SkinType type) {
        return type.label().toLowerCase(Locale.ROOT);
    }

    static String day(LocalDate date) {
        return DAY.format(date) + " (" + date + ")";
    }

    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }
}
