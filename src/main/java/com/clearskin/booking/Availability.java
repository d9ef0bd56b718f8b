package com.clearskin.booking;

import com.clearskin.clinics.Clinic;
import com.clearskin.platform.InvalidInputException;
import com.clearskin.resources.BookingTerms;
import com.clearskin.resources.PractitionerCalendar;
import com.clearskin.resources.Requirement;
import com.clearskin.resources.Requirements;
import com.clearskin.resources.ScheduleSettings;
import com.clearskin.resources.ScheduleSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The free start times of a treatment at a clinic over local dates: not sooner than the clinic's
 * least notice, not later than its booking horizon. Statements per search: the clinic (by the
 * caller) and the settings with the requirement, every time; the busy times of the window at most
 * once a second per search (the same search within {@link #FRESH} is answered from memory, and a
 * booking change on this instance forgets the clinic's answers at once). An answer from another
 * instance's change may so be up to a second old; booking itself always reads afresh, and the
 * database refuses any overlap.
 */
@Service
public class Availability {

    /** The longest range of local dates one search may cover, both ends included. */
    public static final int MAX_DAYS = 92;

    /** How long one search's answer is reused. */
    static final Duration FRESH = Duration.ofSeconds(1);
    private static final int REMEMBERED = 1_000;

    private final Requirements requirements;
    private final ScheduleLoader loader;
    private final EligiblePractitioners eligible;
    private final Clock clock;
    private final Map<Key, Answer> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Answer> eldest) {
            return size() > REMEMBERED;
        }
    };

    private record Key(UUID clinic, BookingTerms terms, LocalDate from, LocalDate last, UUID practitioner) {
    }

    /**
     * A computed answer, reused until {@code until}; {@code renderings} keeps what callers made of
     * it (such as its JSON) for as long as the answer itself is reused unfiltered.
     */
    private record Answer(List<Slot> slots, Instant until, Map<Object, Object> renderings) {

        Answer(List<Slot> slots, Instant until) {
            this(slots, until, new ConcurrentHashMap<>());
        }
    }

    /** A day of a search's range and how many free starts it has (zero: none). */
    public record FreeDay(LocalDate date, int starts) {

        public boolean free() {
            return starts > 0;
        }
    }

    /** What {@link #answer} found: the slots, and the remembered answer when they are all of it (else null). */
    private record Found(List<Slot> slots, Answer whole) {
    }

    private final Timer computed;
    private final Counter remembered;

    Availability(Requirements requirements, ScheduleLoader loader, EligiblePractitioners eligible, Clock clock,
            MeterRegistry metrics) {
        this.requirements = requirements;
        this.loader = loader;
        this.eligible = eligible;
        this.clock = clock;
        this.computed = Timer.builder("clearskin.availability.search")
                .description("Availability searches computed from the schedule (reading it and the engine)")
                .publishPercentileHistogram().register(metrics);
        this.remembered = Counter.builder("clearskin.availability.remembered")
                .description("Availability searches answered from a remembered answer").register(metrics);
    }

    /**
     * Every free start of {@code treatment} from {@code from} to {@code to} (local dates in the
     * clinic's zone, inclusive), with {@code practitioner} only when not null. Earliest first.
     */
    public List<Slot> search(Clinic clinic, String treatment, LocalDate from, LocalDate to, UUID practitioner) {
        return answer(clinic, treatment, from, to, practitioner).slots();
    }

    /**
     * {@code render} applied to {@link #search}'s answer. While the same answer is reused (within
     * {@link #FRESH}, no change on this instance, no start gone past the notice) the rendering made
     * the first time under {@code form} is returned again instead of rendering anew: the serialised
     * JSON of an answer costs more than finding it. {@code form} must name everything
     * {@code render} depends on besides the slots.
     */
    @SuppressWarnings("unchecked")
    public <T> T search(Clinic clinic, String treatment, LocalDate from, LocalDate to, UUID practitioner, Object form,
            Function<List<Slot>, T> render) {
        Found found = answer(clinic, treatment, from, to, practitioner);
        if (found.whole() == null) {
            return render.apply(found.slots());
        }
        return (T) found.whole().renderings().computeIfAbsent(form, f -> render.apply(found.slots()));
    }

    /**
     * Every local date from {@code from} to {@code to} with its number of free starts (the booking
     * page's month view: which days have a free time), from the same answer as {@link #search}.
     */
    public List<FreeDay> days(Clinic clinic, String treatment, LocalDate from, LocalDate to, UUID practitioner) {
        return search(clinic, treatment, from, to, practitioner, List.of("days", from, to),
                slots -> freeDays(slots, clinic.timeZone(), from, to));
    }

    /** The dates from..to with the number of slots starting on each (in {@code zone}). */
    static List<FreeDay> freeDays(List<Slot> slots, ZoneId zone, LocalDate from, LocalDate to) {
        int[] counts = new int[(int) ChronoUnit.DAYS.between(from, to) + 1];
        for (Slot slot : slots) {
            long day = ChronoUnit.DAYS.between(from, slot.start().atZoneSameInstant(zone).toLocalDate());
            if (day >= 0 && day < counts.length) {
                counts[(int) day]++;
            }
        }
        List<FreeDay> days = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            days.add(new FreeDay(from.plusDays(i), counts[i]));
        }
        return List.copyOf(days);
    }

    private Found answer(Clinic clinic, String treatment, LocalDate from, LocalDate to, UUID practitioner) {
        checkRange(from, to);
        BookingTerms terms = requirements.terms(clinic, treatment);
        ScheduleSettings settings = terms.settings();
        Instant now = Instant.now(clock);
        LocalDate lastBookable = LocalDate.ofInstant(now, clinic.timeZone()).plusDays(settings.horizonDays());
        LocalDate last = to.isAfter(lastBookable) ? lastBookable : to;
        ScheduleSnapshot resources = loader.resources(clinic, settings);
        if (practitioner != null) {
            checkPractitioner(resources, terms.requirement(), practitioner);
        }
        if (last.isBefore(from)) {
            return new Found(List.of(), null);
        }
        Key key = new Key(clinic.id(), terms, from, last, practitioner);
        Instant notBefore = now.plus(Duration.ofMinutes(settings.minNoticeMinutes()));
        Answer answer;
        synchronized (recent) {
            answer = recent.get(key);
        }
        if (answer != null && now.isBefore(answer.until())) {
            remembered.increment();
            List<Slot> all = answer.slots();
            if (all.isEmpty() || !all.get(0).start().toInstant().isBefore(notBefore)) {
                return new Found(all, answer);
            }
            return new Found(all.stream().filter(s -> !s.start().toInstant().isBefore(notBefore)).toList(), null);
        }
        Timer.Sample sample = Timer.start();
        Instant windowStart = from.minusDays(1).atStartOfDay(clinic.timeZone()).toInstant();
        Instant windowEnd = last.plusDays(2).atStartOfDay(clinic.timeZone()).toInstant();
        ScheduleSnapshot snapshot = loader.snapshot(clinic, settings, windowStart, windowEnd);
        List<Slot> slots = List.copyOf(
                eligible.search(clinic, snapshot, terms.requirement(), from, last, practitioner, notBefore));
        sample.stop(computed);
        Answer computedAnswer = new Answer(slots, now.plus(FRESH));
        synchronized (recent) {
            // answers past their time are of no use any more: dropped, with their renderings
            recent.values().removeIf(a -> !now.isBefore(a.until()));
            recent.put(key, computedAnswer);
        }
        return new Found(slots, computedAnswer);
    }

    /**
     * The free slots of {@code treatment} on one local {@code day}, per practitioner asked (null:
     * any), from a fresh snapshot of the schedule, never a remembered answer: for the waitlist, whose
     * time was just freed. The snapshot is read once, on the first question; a treatment that cannot
     * be booked any more has no slots. Not before {@code now} plus the clinic's notice.
     */
    public Function<UUID, List<Slot>> freshDay(Clinic clinic, String treatment, LocalDate day, Instant now) {
        Map<UUID, List<Slot>> answers = new HashMap<>();
        ScheduleSnapshot[] snapshot = new ScheduleSnapshot[1];
        BookingTerms[] terms = new BookingTerms[1];
        UUID anyone = new UUID(0, 0);
        return practitioner -> answers.computeIfAbsent(practitioner == null ? anyone : practitioner, key -> {
            if (snapshot[0] == null) {
                try {
                    terms[0] = requirements.terms(clinic, treatment);
                } catch (InvalidInputException notBookable) {
                    return List.of();
                }
                snapshot[0] = loader.snapshot(clinic, terms[0].settings(),
                        day.minusDays(1).atStartOfDay(clinic.timeZone()).toInstant(),
                        day.plusDays(2).atStartOfDay(clinic.timeZone()).toInstant());
            }
            Instant notBefore = now.plus(Duration.ofMinutes(terms[0].settings().minNoticeMinutes()));
            return List.copyOf(eligible.search(clinic, snapshot[0], terms[0].requirement(), day, day, practitioner,
                    notBefore));
        });
    }

    /** A booking, move or cancellation on this instance: the clinic's remembered answers are stale. */
    @TransactionalEventListener(fallbackExecution = true)
    void onBooked(AppointmentBooked event) {
        forget(event.appointment().clinicId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onReleased(AppointmentReleased event) {
        forget(event.clinicId());
    }

    private void forget(UUID clinic) {
        synchronized (recent) {
            recent.keySet().removeIf(k -> k.clinic().equals(clinic));
        }
    }

    /** A range of local dates one search may cover: {@code to} not before {@code from}, at most {@link #MAX_DAYS}. */
    static void checkRange(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new InvalidInputException("from", "is required");
        }
        if (to == null) {
            throw new InvalidInputException("to", "is required");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidInputException("to", "the range may cover at most " + MAX_DAYS + " days (from " + from
                    + " to " + from.plusDays(MAX_DAYS - 1) + ")");
        }
    }

    private static void checkPractitioner(ScheduleSnapshot resources, Requirement requirement, UUID practitioner) {
        PractitionerCalendar found = resources.practitioners().stream().filter(p -> p.id().equals(practitioner))
                .findFirst().orElseThrow(() -> new InvalidInputException("practitioner",
                        "'" + practitioner + "' is not an active practitioner of this clinic"));
        if (!requirement.performers().contains(found.qualification())) {
            throw new InvalidInputException("practitioner", "'" + practitioner + "' ("
                    + found.qualification().label().toLowerCase(java.util.Locale.ROOT) + ") may not perform "
                    + requirement.treatment());
        }
    }
}
