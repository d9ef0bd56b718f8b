package com.clearskin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.platform.InvalidInputException.Violation;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one store of sourced clinic settings: defaults, revisions, If-Match conflicts, reset, kinds kept apart. */
@IntegrationTest
class ClinicSettingsStoreIT {

    /** A settings document as a module would keep one: a number and where it comes from. */
    record Numbers(int value, List<String> sources) {
    }

    static final SettingsKind<Numbers> FIRST = new SettingsKind<>("test-first", Numbers.class,
            new Numbers(3, List.of("ref-1")), ClinicSettingsStoreIT::attribute, "the first settings");
    static final SettingsKind<Numbers> SECOND = new SettingsKind<>("test-second", Numbers.class,
            new Numbers(7, List.of("ref-2")), ClinicSettingsStoreIT::attribute, "the second settings");

    static Numbers attribute(Numbers before, Numbers after) {
        return before.value() == after.value() ? before : new Numbers(after.value(), List.of("clinic"));
    }

    @Autowired
    ClinicSettingsStore store;
    @Autowired
    TestClinics testClinics;

    @Test
    void aClinicStartsOnTheDefaultsAndItsChangeIsAttributedToIt() {
        UUID clinic = testClinics.open().clinic().id();
        StoredSettings<Numbers> fresh = store.current(clinic, FIRST);
        assertThat(fresh.customized()).isFalse();
        assertThat(fresh.revision()).isZero();
        assertThat(fresh.settings()).isEqualTo(FIRST.defaults());

        StoredSettings<Numbers> saved = store.update(clinic, FIRST, new Numbers(5, List.of("ref-1")), List.of(), 0, null);
        assertThat(saved.customized()).isTrue();
        assertThat(saved.revision()).isEqualTo(1);
        assertThat(saved.settings()).isEqualTo(new Numbers(5, List.of("clinic")));
        assertThat(saved.updatedAt()).isNotNull();

        StoredSettings<Numbers> again = store.update(clinic, FIRST, new Numbers(5, List.of("clinic")), List.of(), 1, null);
        assertThat(again.revision()).isEqualTo(2);
    }

    @Test
    void aStaleRevisionIsAConflictAndChangesNothing() {
        UUID clinic = testClinics.open().clinic().id();
        store.update(clinic, FIRST, new Numbers(5, List.of()), List.of(), null, null);
        assertThatThrownBy(() -> store.update(clinic, FIRST, new Numbers(9, List.of()), List.of(), 0, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("The first settings were changed");
        assertThat(store.current(clinic, FIRST).settings().value()).isEqualTo(5);
    }

    @Test
    void violationsRefuseTheSaveAndNameTheField() {
        UUID clinic = testClinics.open().clinic().id();
        assertThatThrownBy(() -> store.update(clinic, FIRST, new Numbers(-1, List.of()),
                List.of(new Violation("value", "must be at least 0")), null, null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(store.current(clinic, FIRST).customized()).isFalse();
    }

    @Test
    void kindsAndClinicsAreKeptApartAndResetGoesBackToTheDefaults() {
        UUID one = testClinics.open().clinic().id();
        UUID other = testClinics.open().clinic().id();
        store.update(one, FIRST, new Numbers(4, List.of()), List.of(), null, null);
        assertThat(store.current(one, SECOND).customized()).isFalse();
        assertThat(store.current(other, FIRST).customized()).isFalse();

        StoredSettings<Numbers> reset = store.reset(one, FIRST);
        assertThat(reset.customized()).isFalse();
        assertThat(reset.settings()).isEqualTo(FIRST.defaults());
        assertThat(store.update(one, FIRST, new Numbers(6, List.of()), List.of(), 0, null).revision()).isEqualTo(1);
    }

    @Test
    void aKindIsNamedInLowerCaseWordsJoinedByHyphens() {
        assertThatThrownBy(() -> new SettingsKind<>("Not OK", Numbers.class, FIRST.defaults(),
                ClinicSettingsStoreIT::attribute, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
