package com.clearskin.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.directory.SearchQuery.Sort;
import com.clearskin.platform.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class SearchRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    static AbstractThrowableAssert<?, ?> refused(Runnable r, String field) {
        return assertThatThrownBy(r::run).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations().get(0).field()).isEqualTo(field));
    }

    @Test
    void nearIsLatitudeCommaLongitudeWithinTheirRanges() {
        assertThat(SearchRules.near(" 48.85, 2.35 ")).isEqualTo(new SearchQuery.Point(48.85, 2.35));
        assertThat(SearchRules.near("")).isNull();
        refused(() -> SearchRules.near("48.85"), "near");
        refused(() -> SearchRules.near("a,b"), "near");
        refused(() -> SearchRules.near("90.01,0"), "near");
        refused(() -> SearchRules.near("0,-180.5"), "near");
        refused(() -> SearchRules.near("NaN,0"), "near");
    }

    @Test
    void radiusIsAtMost500AndNeedsAPosition() {
        SearchQuery.Point p = new SearchQuery.Point(1, 1);
        assertThat(SearchRules.radiusKm(null, p)).isEqualTo(50.0);
        assertThat(SearchRules.radiusKm(null, null)).isNull();
        assertThat(SearchRules.radiusKm("500", p)).isEqualTo(500.0);
        refused(() -> SearchRules.radiusKm("500.1", p), "radiusKm");
        refused(() -> SearchRules.radiusKm("0", p), "radiusKm");
        refused(() -> SearchRules.radiusKm("far", p), "radiusKm");
        refused(() -> SearchRules.radiusKm("10", null), "radiusKm");
    }

    @Test
    void sortIsOneOfFourAndSomeNeedAPositionOrATreatment() {
        SearchQuery.Point p = new SearchQuery.Point(1, 1);
        assertThat(SearchRules.sort(null, p, null)).isEqualTo(Sort.DISTANCE);
        assertThat(SearchRules.sort(null, null, null)).isEqualTo(Sort.RATING);
        assertThat(SearchRules.sort("Soonest", null, "facial")).isEqualTo(Sort.SOONEST);
        refused(() -> SearchRules.sort("cheapest", p, "facial"), "sort");
        refused(() -> SearchRules.sort("distance", null, "facial"), "sort");
        refused(() -> SearchRules.sort("price", p, null), "sort");
        refused(() -> SearchRules.sort("soonest", p, null), "sort");
    }

    @Test
    void treatmentIsACode() {
        assertThat(SearchRules.treatment(" extraction-facial ")).isEqualTo("extraction-facial");
        refused(() -> SearchRules.treatment("Extraction Facial"), "treatment");
        refused(() -> SearchRules.treatment("x".repeat(65)), "treatment");
    }

    @Test
    void maxPriceIsANonNegativeNumberWithATreatment() {
        assertThat(SearchRules.maxPrice("80.50", "facial")).isEqualByComparingTo(new BigDecimal("80.50"));
        refused(() -> SearchRules.maxPrice("-1", "facial"), "maxPrice");
        refused(() -> SearchRules.maxPrice("cheap", "facial"), "maxPrice");
        refused(() -> SearchRules.maxPrice("1e9", "facial"), "maxPrice");
        refused(() -> SearchRules.maxPrice("80", null), "maxPrice");
    }

    @Test
    void availableByIsADateFromTodayToTheLookAheadWithATreatment() {
        assertThat(SearchRules.availableBy("2026-12-04", "facial", TODAY)).isEqualTo(TODAY);
        assertThat(SearchRules.availableBy("2026-12-18", "facial", TODAY)).isEqualTo(TODAY.plusDays(14));
        refused(() -> SearchRules.availableBy("2026-12-19", "facial", TODAY), "availableBy");
        refused(() -> SearchRules.availableBy("2026-12-03", "facial", TODAY), "availableBy");
        refused(() -> SearchRules.availableBy("soon", "facial", TODAY), "availableBy");
        refused(() -> SearchRules.availableBy("2026-12-05", null, TODAY), "availableBy");
    }

    @Test
    void qIsAtMost100CharactersAndPagesAreBounded() {
        assertThat(SearchRules.q("  glow  ")).isEqualTo("glow");
        refused(() -> SearchRules.q("x".repeat(101)), "q");
        assertThat(SearchRules.page(null)).isZero();
        assertThat(SearchRules.size(null)).isEqualTo(20);
        refused(() -> SearchRules.page("-1"), "page");
        refused(() -> SearchRules.size("0"), "size");
        refused(() -> SearchRules.size("51"), "size");
        refused(() -> SearchRules.size("ten"), "size");
    }

    @Test
    void parseReadsAWholeQuery() {
        SearchQuery q = SearchRules.parse("extraction-facial", "48.85,2.35", "25", "paris", "90", "2026-12-10", "price",
                "1", "10", TODAY);
        assertThat(q.near()).isEqualTo(new SearchQuery.Point(48.85, 2.35));
        assertThat(q.radiusKm()).isEqualTo(25.0);
        assertThat(q.sort()).isEqualTo(Sort.PRICE);
        assertThat(q.page()).isEqualTo(1);
        assertThat(q.size()).isEqualTo(10);
        assertThat(q.availableBy()).isEqualTo(LocalDate.of(2026, 12, 10));
    }
}
