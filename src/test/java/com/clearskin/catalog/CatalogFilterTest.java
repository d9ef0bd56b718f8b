package com.clearskin.catalog;

import static com.clearskin.catalog.TreatmentFixtures.treatment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogFilterTest {

    /** Treats the face and neck; suits blackheads and acne. */
    private final Treatment facial = TreatmentFixtures.valid();
    private final Treatment backFacial = treatment().withCode("back-facial").withBodyAreas(BodyArea.BACK)
            .withConcerns(Concern.BACK_ACNE, Concern.ACNE).build();

    @Test
    void parsesValidCodes() {
        assertThat(CatalogFilter.parse("back-acne", "back"))
                .isEqualTo(new CatalogFilter(Concern.BACK_ACNE, BodyArea.BACK));
        assertThat(CatalogFilter.parse(" enlarged-pores ", null))
                .isEqualTo(new CatalogFilter(Concern.ENLARGED_PORES, null));
        assertThat(CatalogFilter.parse(null, "face")).isEqualTo(new CatalogFilter(null, BodyArea.FACE));
    }

    @Test
    void blankOrMissingMeansNoFilter() {
        assertThat(CatalogFilter.parse(null, null)).isEqualTo(CatalogFilter.NONE);
        assertThat(CatalogFilter.parse("", "   ")).isEqualTo(CatalogFilter.NONE);
        assertThat(CatalogFilter.parse("", "").isEmpty()).isTrue();
        assertThat(CatalogFilter.parse("acne", "").isEmpty()).isFalse();
    }

    @Test
    void unknownConcernIsRefusedByName() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> CatalogFilter.parse("wrinkles", "face"));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("concern");
        assertThat(e.violations().get(0).reason()).contains("'wrinkles'").contains("acne");
    }

    @Test
    void unknownBodyAreaIsRefusedByName() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> CatalogFilter.parse("acne", "elbow"));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("bodyArea");
        assertThat(e.violations().get(0).reason()).contains("'elbow'").contains("face");
    }

    @Test
    void codesAreCaseSensitive() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> CatalogFilter.parse(null, "Face"));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("bodyArea");
    }

    @Test
    void noFilterMatchesEverything() {
        assertThat(CatalogFilter.NONE.matches(facial)).isTrue();
        assertThat(CatalogFilter.NONE.matches(backFacial)).isTrue();
    }

    @Test
    void concernAloneMatchesTreatmentsThatSuitIt() {
        assertThat(new CatalogFilter(Concern.ACNE, null).matches(facial)).isTrue();
        assertThat(new CatalogFilter(Concern.BACK_ACNE, null).matches(facial)).isFalse();
        assertThat(new CatalogFilter(Concern.BACK_ACNE, null).matches(backFacial)).isTrue();
    }

    @Test
    void bodyAreaAloneMatchesTreatmentsThatTreatIt() {
        assertThat(new CatalogFilter(null, BodyArea.NECK).matches(facial)).isTrue();
        assertThat(new CatalogFilter(null, BodyArea.BACK).matches(facial)).isFalse();
    }

    @Test
    void bothFiltersMustMatch() {
        assertThat(new CatalogFilter(Concern.ACNE, BodyArea.FACE).matches(facial)).isTrue();
        assertThat(new CatalogFilter(Concern.ACNE, BodyArea.BACK).matches(facial)).isFalse();
        assertThat(new CatalogFilter(Concern.PIGMENTATION, BodyArea.FACE).matches(facial)).isFalse();
        assertThat(new CatalogFilter(Concern.ACNE, BodyArea.BACK).matches(backFacial)).isTrue();
        assertThat(new CatalogFilter(Concern.BLACKHEADS, BodyArea.BACK).matches(backFacial)).isFalse();
    }

    @Test
    void applyKeepsMatchesInOrder() {
        Treatment neck = treatment().withCode("neck-facial").withBodyAreas(BodyArea.NECK).build();
        List<Treatment> all = List.of(facial, backFacial, neck);

        assertThat(new CatalogFilter(Concern.ACNE, null).apply(all)).containsExactly(facial, backFacial, neck);
        assertThat(new CatalogFilter(Concern.ACNE, BodyArea.NECK).apply(all)).containsExactly(facial, neck);
        assertThat(new CatalogFilter(Concern.REDNESS, null).apply(all)).isEmpty();
    }
}
