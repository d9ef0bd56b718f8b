package com.clearskin.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.hygiene.SterilizationRules.CycleReading;
import com.clearskin.hygiene.SterilizationRules.Kind;
import com.clearskin.hygiene.SterilizationRules.Minimums;
import com.clearskin.hygiene.SterilizationRules.PackageState;
import com.clearskin.hygiene.SterilizationRules.Processed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One test per rule of {@link SterilizationRules}. */
class SterilizationRulesTest {

    static final Minimums CDC = Minimums.cdc2008();
    static final Instant NOW = Instant.parse("2026-12-03T15:00:00Z");

    @Test
    void theMinimumsPerKindAreTheCdc2008Defaults() {
        assertThat(SterilizationRules.meetsMinimum(CDC, Kind.STEAM_GRAVITY, 121, 30)).isTrue();
        assertThat(SterilizationRules.meetsMinimum(CDC, Kind.STEAM_GRAVITY, 121, 29)).isFalse();
        assertThat(SterilizationRules.meetsMinimum(CDC, Kind.STEAM_PREVACUUM, 132, 4)).isTrue();
        assertThat(SterilizationRules.meetsMinimum(CDC, Kind.STEAM_PREVACUUM, 131, 10)).isFalse();
        assertThat(SterilizationRules.meetsMinimum(CDC, Kind.DRY_HEAT, 170, 60)).isTrue();
        assertThat(SterilizationRules.meetsMinimum(CDC, Kind.DRY_HEAT, 160, 120)).as("the second pair").isTrue();
        assertThat(SterilizationRules.meetsMinimum(CDC, Kind.DRY_HEAT, 165, 90)).isFalse();
    }

    @Test
    void aCycleBelowTheMinimumFailsWhateverTheOperatorTicks() {
        assertThat(SterilizationRules.cycleFailures(CDC, new CycleReading(Kind.STEAM_PREVACUUM, 134, 4, 20, true))).isEmpty();
        assertThat(SterilizationRules.cycleFailures(CDC, new CycleReading(Kind.STEAM_PREVACUUM, 125, 4, 20, true)))
                .containsExactly(SterilizationRules.BELOW_MINIMUM);
        assertThat(SterilizationRules.cycleFailures(CDC, new CycleReading(Kind.STEAM_GRAVITY, 121, 30, 0, false)))
                .containsExactly(SterilizationRules.CHEMICAL_INDICATOR_FAILED);
        assertThat(SterilizationRules.cycleFailures(CDC, new CycleReading(Kind.STEAM_GRAVITY, 100, 10, 0, false)))
                .containsExactly(SterilizationRules.BELOW_MINIMUM, SterilizationRules.CHEMICAL_INDICATOR_FAILED);
    }

    @Test
    void expiryIsEventRelatedUnlessTheClinicSetsAShelfLife() {
        ZoneId zone = ZoneId.of("America/Chicago");
        assertThat(SterilizationRules.expiry(NOW, zone, null)).isEmpty();
        assertThat(SterilizationRules.expiry(NOW, zone, 30)).contains(LocalDate.of(2027, 1, 2));
        assertThat(SterilizationRules.expired(Optional.empty(), LocalDate.of(2030, 1, 1))).isFalse();
        assertThat(SterilizationRules.expired(Optional.of(LocalDate.of(2027, 1, 2)), LocalDate.of(2027, 1, 2))).isFalse();
        assertThat(SterilizationRules.expired(Optional.of(LocalDate.of(2027, 1, 2)), LocalDate.of(2027, 1, 3))).isTrue();
    }

    @Test
    void theSporeTestIsOverdueAfterAWeekOrAfterARepairOrAnImplantLoad() {
        Instant last = NOW.minus(Duration.ofDays(3));
        assertThat(SterilizationRules.sporeTestOverdue(Optional.empty(), Optional.empty(), Optional.empty(), NOW)).isTrue();
        assertThat(SterilizationRules.sporeTestOverdue(Optional.of(last), Optional.empty(), Optional.empty(), NOW)).isFalse();
        assertThat(SterilizationRules.sporeTestOverdue(Optional.of(NOW.minus(Duration.ofDays(8))), Optional.empty(), Optional.empty(), NOW)).isTrue();
        Optional<Instant> recently = Optional.of(NOW.minus(Duration.ofHours(2)));
        assertThat(SterilizationRules.sporeTestOverdue(Optional.of(last), recently, Optional.empty(), NOW)).as("repair").isTrue();
        assertThat(SterilizationRules.sporeTestOverdue(Optional.of(last), Optional.empty(), recently, NOW)).as("implant").isTrue();
        assertThat(SterilizationRules.sporeTestOverdue(Optional.of(last), Optional.of(NOW.minus(Duration.ofDays(5))), Optional.empty(), NOW))
                .as("repair before the last test").isFalse();
        assertThat(SterilizationRules.nextSporeTestDue(Optional.of(last), NOW)).isEqualTo(last.plus(Duration.ofDays(7)));
    }

    @Test
    void theRecallScopeIsEveryPackageSinceTheLastPassingTest() {
        Instant pass = NOW.minus(Duration.ofDays(7));
        List<Processed> packages = List.of(new Processed("before", pass.minus(Duration.ofHours(1))),
                new Processed("after1", pass.plus(Duration.ofHours(1))), new Processed("after2", NOW.minus(Duration.ofHours(1))),
                new Processed("later", NOW.plus(Duration.ofHours(1))));
        assertThat(SterilizationRules.recallScope(packages, Optional.of(pass), NOW)).containsExactly("after1", "after2");
        assertThat(SterilizationRules.recallScope(packages, Optional.empty(), NOW)).as("never passed: everything")
                .containsExactly("before", "after1", "after2");
    }

    @Test
    void aPackageIsUnusableForEachReasonThatHolds() {
        PackageState ok = new PackageState(true, false, null, false, false, false, true, true, false);
        assertThat(SterilizationRules.unusableReasons(ok)).as("overdue only warns by default").isEmpty();
        assertThat(SterilizationRules.unusableReasons(new PackageState(false, false, null, true, true, true, false, true, true)))
                .containsExactly(SterilizationRules.CYCLE_FAILED, SterilizationRules.ALREADY_OPENED, SterilizationRules.RECALLED,
                        SterilizationRules.EXPIRED, SterilizationRules.STERILIZER_OUT_OF_SERVICE, SterilizationRules.SPORE_TEST_OVERDUE);
        assertThat(SterilizationRules.unusableReasons(new PackageState(true, true, null, false, false, false, true, false, false)))
                .containsExactly(SterilizationRules.RESULT_NOT_IN);
    }

    @Test
    void readingsAreValidatedWithinRange() {
        assertThat(SterilizationRules.validTemperature(300)).isTrue();
        assertThat(SterilizationRules.validTemperature(301)).isFalse();
        assertThat(SterilizationRules.validTemperature(-1)).isFalse();
        assertThat(SterilizationRules.validMinutes(600)).isTrue();
        assertThat(SterilizationRules.validMinutes(601)).isFalse();
    }

    @Test
    void aClinicMayAskMoreThanTheCdcMinimumNeverLess() {
        assertThat(SterilizationRules.atLeastCdc(Kind.STEAM_PREVACUUM, new SterilizationRules.Minimum(134, 4))).isTrue();
        assertThat(SterilizationRules.atLeastCdc(Kind.STEAM_PREVACUUM, new SterilizationRules.Minimum(132, 3))).isFalse();
        assertThat(SterilizationRules.atLeastCdc(Kind.DRY_HEAT, new SterilizationRules.Minimum(160, 120))).as("the second pair").isTrue();
        assertThat(SterilizationRules.atLeastCdc(Kind.DRY_HEAT, new SterilizationRules.Minimum(165, 90))).isFalse();
    }

    @Test
    void aShelfLifeIsNoneOrOneDayToTenYears() {
        assertThat(SterilizationRules.validShelfLife(null)).isTrue();
        assertThat(SterilizationRules.validShelfLife(1)).isTrue();
        assertThat(SterilizationRules.validShelfLife(0)).isFalse();
        assertThat(SterilizationRules.validShelfLife(3651)).isFalse();
    }

    @Test
    void anImplantLoadWaitsForItsOwnSporeTest() {
        assertThat(SterilizationRules.awaitsOwnSporeTest(true)).isTrue();
        assertThat(SterilizationRules.awaitsOwnSporeTest(false)).isFalse();
        PackageState waiting = new PackageState(true, true, null, false, false, false, true, false, false);
        assertThat(SterilizationRules.unusableReasons(waiting)).containsExactly(SterilizationRules.RESULT_NOT_IN);
        PackageState released = new PackageState(true, true, true, false, false, false, true, false, false);
        assertThat(SterilizationRules.unusableReasons(released)).isEmpty();
    }

    @Test
    void theClientReadsPlainWordsAndARecalledPackageIsNeverVerified() {
        LocalDate day = LocalDate.of(2026, 12, 3);
        assertThat(SterilizationRules.clientLine(true, day, true, false)).isEqualTo("Instruments: sterilized set, cycle of 3 Dec, verified");
        assertThat(SterilizationRules.clientLine(false, day, false, false)).isEqualTo("Instruments: sterilized instruments, cycle of 3 Dec");
        assertThat(SterilizationRules.clientLine(true, day, true, true)).doesNotContain("verified").contains("the clinic will contact you");
    }
}
