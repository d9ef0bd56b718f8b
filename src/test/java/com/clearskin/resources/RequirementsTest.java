package com.clearskin.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.catalog.Performer;
import com.clearskin.catalog.Treatment;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequirementsTest {

    static final Treatment.Qualification MICRONEEDLING = new Treatment.Qualification(Performer.NURSE, List.of(
            new Treatment.Scope("US-CA", List.of(Performer.NURSE, Performer.PHYSICIAN), null, List.of()),
            new Treatment.Scope("US-TX", List.of(Performer.PHYSICIAN), null, List.of())));

    @Test
    void aListedJurisdictionsScopeDecides() {
        assertThat(Requirements.performers(MICRONEEDLING, "US-TX")).containsExactly(Performer.PHYSICIAN);
        assertThat(Requirements.performers(MICRONEEDLING, "US-CA")).containsExactly(Performer.NURSE, Performer.PHYSICIAN);
    }

    @Test
    void elsewhereEveryoneAtOrAboveTheMinimumButNeverTheClient() {
        assertThat(Requirements.performers(MICRONEEDLING, null)).containsExactly(Performer.NURSE, Performer.PHYSICIAN);
        assertThat(Requirements.performers(MICRONEEDLING, "GB")).containsExactly(Performer.NURSE, Performer.PHYSICIAN);
        Treatment.Qualification home = new Treatment.Qualification(Performer.SELF, List.of());
        assertThat(Requirements.performers(home, null))
                .containsExactly(Performer.ESTHETICIAN, Performer.NURSE, Performer.PHYSICIAN);
    }
}
