package com.clearskin.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.booking.PractitionerEligibility.Restriction;
import com.clearskin.catalog.Performer;
import com.clearskin.clinics.Clinic;
import com.clearskin.platform.RuleRefusedException;
import com.clearskin.resources.ClinicHours;
import com.clearskin.resources.PractitionerCalendar;
import com.clearskin.resources.Requirement;
import com.clearskin.resources.RoomCalendar;
import com.clearskin.resources.ScheduleSnapshot;
import com.clearskin.resources.WeeklyInterval;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The one place booking asks who may be booked: the filter of the practitioner set, and the refusal it gives. */
class EligiblePractitionersTest {

    static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    static final Clinic CLINIC = new Clinic(UUID.randomUUID(), "t", "Test", ZONE, "USD", null, null);
    static final UUID ANNA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID ROOM = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final LocalDate DAY = LocalDate.of(2027, 3, 1);
    static final Requirement FACIAL = new Requirement("extraction-facial", 60, 0, 0, Set.of(Performer.ESTHETICIAN),
            Set.of(), List.of());

    static List<WeeklyInterval> mornings() {
        List<WeeklyInterval> all = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            all.add(new WeeklyInterval(d, LocalTime.of(9, 0), LocalTime.of(11, 0)));
        }
        return all;
    }

    static ScheduleSnapshot snapshot(UUID... practitioners) {
        return new ScheduleSnapshot(new ClinicHours(ZONE, 60, mornings(), List.of()),
                java.util.Arrays.stream(practitioners).map(p -> new PractitionerCalendar(p, Performer.ESTHETICIAN, mornings(),
                        List.of(), List.of())).toList(), List.of(new RoomCalendar(ROOM, Set.of(), List.of())), List.of());
    }

    /** Anna may be booked up to {@code DAY + 1}; Ben always. */
    static EligiblePractitioners annaUntilTheSecondDay() {
        PractitionerEligibility rule = (clinic, requirement, practitioners, from) -> practitioners.contains(ANNA)
                ? Map.of(ANNA, new Restriction(DAY.plusDays(1), "licence-expired", "Anna's licence expires."))
                : Map.of();
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("rule", rule));
        return new EligiblePractitioners(beans.getBeanProvider(PractitionerEligibility.class));
    }

    @Test
    void aSearchLeavesAPractitionerOutOfTheDaysAfterTheirLastBookableDayOnly() {
        List<Slot> slots = annaUntilTheSecondDay().search(CLINIC, snapshot(ANNA), FACIAL, DAY, DAY.plusDays(3), null, null);
        assertThat(slots).extracting(s -> s.start().atZoneSameInstant(ZONE).toLocalDate()).containsOnly(DAY, DAY.plusDays(1));
        assertThat(slots).hasSize(4);
        List<Slot> both = annaUntilTheSecondDay().search(CLINIC, snapshot(ANNA, BEN), FACIAL, DAY, DAY.plusDays(3), null,
                null);
        assertThat(both).as("Ben takes the later days").filteredOn(s -> s.start().toLocalDate().isAfter(DAY.plusDays(1)))
                .extracting(Slot::practitionerId).containsOnly(BEN).hasSize(4);
    }

    @Test
    void withoutAnyRestrictionTheSearchIsTheEnginesOwn() {
        EligiblePractitioners none = new EligiblePractitioners(new StaticListableBeanFactory()
                .getBeanProvider(PractitionerEligibility.class));
        assertThat(none.search(CLINIC, snapshot(ANNA), FACIAL, DAY, DAY.plusDays(3), null, null)).hasSize(8);
    }

    @Test
    void bookingARestrictedPractitionerOrATimeOnlyTheyHaveFreeIsRefusedNamingTheRule() {
        var start = ZonedDateTime.of(DAY.plusDays(2), LocalTime.of(9, 0), ZONE).toInstant();
        assertThatThrownBy(() -> annaUntilTheSecondDay().at(CLINIC, snapshot(ANNA, BEN), FACIAL, start, ANNA))
                .isInstanceOf(RuleRefusedException.class).extracting(e -> ((RuleRefusedException) e).rule())
                .isEqualTo("licence-expired");
        assertThatThrownBy(() -> annaUntilTheSecondDay().at(CLINIC, snapshot(ANNA), FACIAL, start, null))
                .isInstanceOf(RuleRefusedException.class);
        assertThat(annaUntilTheSecondDay().at(CLINIC, snapshot(ANNA, BEN), FACIAL, start, null))
                .map(Slot::practitionerId).contains(BEN);
        var earlier = ZonedDateTime.of(DAY.plusDays(1), LocalTime.of(9, 0), ZONE).toInstant();
        assertThat(annaUntilTheSecondDay().at(CLINIC, snapshot(ANNA), FACIAL, earlier, ANNA)).isPresent();
    }
}
