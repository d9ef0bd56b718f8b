package com.clearskin.catalog;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * When a clinic changes a fact, the fact's sources no longer vouch for it: the changed fact is
 * marked as the clinic's own ({@link Treatment#CLINIC_SOURCE}); untouched facts keep their sources.
 */
final class ClinicEdits {

    private static final List<String> CLINIC = List.of(Treatment.CLINIC_SOURCE);

    private ClinicEdits() {
    }

    static Treatment attribute(Treatment before, Treatment after) {
        return new Treatment(after.code(), after.name(), after.category(), after.setting(), after.summary(),
                after.description(), after.bodyAreas(), after.concerns(), protocol(before, after),
                duration(before.duration(), after.duration()), price(before.price(), after.price()),
                course(before.course(), after.course()), downtime(before.downtime(), after.downtime()),
                cadence(before, after), qualification(before.qualification(), after.qualification()),
                after.equipment(), contraindications(before, after), care(before.beforeCare(), after.beforeCare()),
                care(before.aftercare(), after.aftercare()), invasiveness(before.invasiveness(), after.invasiveness()));
    }

    static Treatment.Invasiveness invasiveness(Treatment.Invasiveness before, Treatment.Invasiveness after) {
        if (after == null) {
            return null;
        }
        boolean same = before != null && before.level() == after.level() && before.effects().equals(after.effects());
        return new Treatment.Invasiveness(after.level(), after.effects(), same ? before.sources() : CLINIC,
                after.note());
    }

    /**
     * An entry of a list keeps the sources of the identical entry it had before (sources aside);
     * a new or changed entry is the clinic's. So an edit can never claim a published source.
     */
    static <T> List<T> attributeEach(List<T> before, List<T> after, BiPredicate<T, T> same,
            Function<T, List<String>> sources, BiFunction<T, List<String>, T> withSources) {
        return after.stream().map(entry -> withSources.apply(entry, before.stream()
                .filter(old -> same.test(old, entry)).findFirst().map(sources).orElse(CLINIC))).toList();
    }

    static List<Treatment.Cadence> cadence(Treatment before, Treatment after) {
        return attributeEach(before.cadence(), after.cadence(),
                (a, b) -> a.skinTypes().equals(b.skinTypes()) && a.intervalDaysMin() == b.intervalDaysMin()
                        && a.intervalDaysMax() == b.intervalDaysMax() && Objects.equals(a.view(), b.view()),
                Treatment.Cadence::sources,
                (c, s) -> new Treatment.Cadence(c.skinTypes(), c.intervalDaysMin(), c.intervalDaysMax(), c.view(), s,
                        c.note(), s.equals(CLINIC) ? false : c.disputed()));
    }

    static Treatment.Qualification qualification(Treatment.Qualification before, Treatment.Qualification after) {
        if (after == null) {
            return null;
        }
        List<Treatment.Scope> previous = before == null ? List.of() : before.scope();
        return new Treatment.Qualification(after.minimum(), attributeEach(previous, after.scope(),
                (a, b) -> Objects.equals(a.jurisdiction(), b.jurisdiction()) && a.performers().equals(b.performers()),
                Treatment.Scope::sources,
                (c, s) -> new Treatment.Scope(c.jurisdiction(), c.performers(), c.note(), s)));
    }

    static List<Treatment.Contraindication> contraindications(Treatment before, Treatment after) {
        return attributeEach(before.contraindications(), after.contraindications(),
                (a, b) -> Objects.equals(a.code(), b.code()) && a.severity() == b.severity()
                        && Objects.equals(a.text(), b.text()),
                Treatment.Contraindication::sources,
                (c, s) -> new Treatment.Contraindication(c.code(), c.severity(), c.text(), s, c.note(),
                        s.equals(CLINIC) ? false : c.disputed()));
    }

    static List<Treatment.CareNote> care(List<Treatment.CareNote> before, List<Treatment.CareNote> after) {
        return attributeEach(before, after, (a, b) -> Objects.equals(a.text(), b.text()), Treatment.CareNote::sources,
                (c, s) -> new Treatment.CareNote(c.text(), s, c.note(), s.equals(CLINIC) ? false : c.disputed()));
    }

    static Treatment.PriceRange price(Treatment.PriceRange before, Treatment.PriceRange after) {
        boolean same = Objects.equals(before.currency(), after.currency())
                && before.min().compareTo(after.min()) == 0 && before.max().compareTo(after.max()) == 0;
        return same ? new Treatment.PriceRange(after.currency(), after.min(), after.max(), before.sources(), after.note())
                : new Treatment.PriceRange(after.currency(), after.min(), after.max(), CLINIC, after.note());
    }

    static Treatment.SessionLength duration(Treatment.SessionLength before, Treatment.SessionLength after) {
        boolean same = before.minMinutes() == after.minMinutes() && before.maxMinutes() == after.maxMinutes()
                && before.typicalMinutes() == after.typicalMinutes();
        return new Treatment.SessionLength(after.minMinutes(), after.maxMinutes(), after.typicalMinutes(),
                same ? before.sources() : CLINIC);
    }

    static Treatment.Course course(Treatment.Course before, Treatment.Course after) {
        boolean same = before.sessionsMin() == after.sessionsMin()
                && Objects.equals(before.sessionsMax(), after.sessionsMax())
                && before.intervalDaysMin() == after.intervalDaysMin()
                && Objects.equals(before.intervalDaysMax(), after.intervalDaysMax());
        return new Treatment.Course(after.sessionsMin(), after.sessionsMax(), after.intervalDaysMin(),
                after.intervalDaysMax(), same ? before.sources() : CLINIC, after.note(), same && after.disputed());
    }

    static Treatment.Downtime downtime(Treatment.Downtime before, Treatment.Downtime after) {
        boolean same = before.minDays() == after.minDays() && before.maxDays() == after.maxDays()
                && Objects.equals(before.text(), after.text());
        return new Treatment.Downtime(after.minDays(), after.maxDays(), after.text(), same ? before.sources() : CLINIC);
    }

    static List<Treatment.ProtocolStep> protocol(Treatment before, Treatment after) {
        return attributeEach(before.protocol(), after.protocol(), ClinicEdits::sameStep,
                Treatment.ProtocolStep::sources, (step, s) -> new Treatment.ProtocolStep(step.order(), step.name(),
                        step.description(), step.minMinutes(), step.maxMinutes(), s));
    }

    private static boolean sameStep(Treatment.ProtocolStep a, Treatment.ProtocolStep b) {
        return Objects.equals(a.name(), b.name()) && Objects.equals(a.description(), b.description())
                && Objects.equals(a.minMinutes(), b.minMinutes()) && Objects.equals(a.maxMinutes(), b.maxMinutes());
    }
}
