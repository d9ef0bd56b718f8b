package com.clearskin.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.directory.DirectoryRanking.Candidate;
import com.clearskin.directory.SearchQuery.Point;
import com.clearskin.directory.SearchQuery.Sort;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryRankingTest {

    static final Point PARIS = new Point(48.8566, 2.3522);
    static final OffsetDateTime MONDAY = OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.ofHours(1));

    static Candidate c(String slug, double lat, double lng, Double average, int count, String price, OffsetDateTime next) {
        return new Candidate(slug, slug, "Town", lat, lng, average, count, price == null ? null : new BigDecimal(price), next);
    }

    static List<String> sorted(Sort sort, Candidate... candidates) {
        List<Candidate> list = new ArrayList<>(List.of(candidates));
        list.sort(DirectoryRanking.order(sort, PARIS));
        return list.stream().map(Candidate::slug).toList();
    }

    @Test
    void distanceIsRoundedAndNullWithoutAPosition() {
        assertThat(DirectoryRanking.distanceKm(PARIS, 45.7640, 4.8357)).isEqualTo(391.5);
        assertThat(DirectoryRanking.distanceKm(null, 45.7640, 4.8357)).isNull();
    }

    @Test
    void theRadiusKeepsOnlyClinicsWithinIt() {
        assertThat(DirectoryRanking.withinRadius(PARIS, 400.0, 45.7640, 4.8357)).isTrue();
        assertThat(DirectoryRanking.withinRadius(PARIS, 390.0, 45.7640, 4.8357)).isFalse();
        assertThat(DirectoryRanking.withinRadius(null, null, 45.7640, 4.8357)).isTrue();
    }

    @Test
    void everyWordMustBeInTheNameOrCity() {
        assertThat(DirectoryRanking.matchesWords("glow paris", "Glow Studio", "Paris")).isTrue();
        assertThat(DirectoryRanking.matchesWords("glow lyon", "Glow Studio", "Paris")).isFalse();
        assertThat(DirectoryRanking.matchesWords(null, "Glow Studio", "Paris")).isTrue();
    }

    @Test
    void aTypedPlaceMatchesACityIgnoringCaseAndAccents() {
        assertThat(DirectoryRanking.samePlace(" montreal ", "Montréal")).isTrue();
        assertThat(DirectoryRanking.samePlace("Paris", "Lyon")).isFalse();
    }

    @Test
    void maxPriceAndAvailableByFilter() {
        assertThat(DirectoryRanking.withinPrice(new BigDecimal("80"), new BigDecimal("80"))).isTrue();
        assertThat(DirectoryRanking.withinPrice(new BigDecimal("80"), new BigDecimal("80.01"))).isFalse();
        assertThat(DirectoryRanking.withinPrice(new BigDecimal("80"), null)).as("no price, not found").isFalse();
        assertThat(DirectoryRanking.availableBy(LocalDate.of(2026, 12, 7), MONDAY)).isTrue();
        assertThat(DirectoryRanking.availableBy(LocalDate.of(2026, 12, 6), MONDAY)).isFalse();
        assertThat(DirectoryRanking.availableBy(LocalDate.of(2026, 12, 6), null)).isFalse();
    }

    @Test
    void eachOrderWithUnknownsLast() {
        Candidate lyon = c("lyon", 45.76, 4.83, 4.9, 10, "120", MONDAY.plusDays(2));
        Candidate paris = c("paris", 48.86, 2.35, null, 2, "60", null);
        Candidate orleans = c("orleans", 47.90, 1.90, 4.2, 30, null, MONDAY);
        assertThat(sorted(Sort.DISTANCE, lyon, paris, orleans)).containsExactly("paris", "orleans", "lyon");
        assertThat(sorted(Sort.RATING, lyon, paris, orleans)).containsExactly("lyon", "orleans", "paris");
        assertThat(sorted(Sort.PRICE, lyon, paris, orleans)).containsExactly("paris", "lyon", "orleans");
        assertThat(sorted(Sort.SOONEST, lyon, paris, orleans)).containsExactly("orleans", "lyon", "paris");
    }

    @Test
    void tiesGoToTheBetterRatedThenTheName() {
        Candidate a = c("a", 1, 1, 4.0, 5, "50", null);
        Candidate b = c("b", 1, 1, 4.5, 5, "50", null);
        Candidate c2 = c("c", 1, 1, 4.5, 5, "50", null);
        assertThat(sorted(Sort.PRICE, c2, a, b)).containsExactly("b", "c", "a");
    }
}
