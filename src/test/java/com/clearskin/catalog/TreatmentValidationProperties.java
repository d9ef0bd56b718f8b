package com.clearskin.catalog;

import static com.clearskin.catalog.TreatmentFixtures.treatment;
import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.platform.InvalidInputException.Violation;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

class TreatmentValidationProperties {

    private static final DefaultCatalog CATALOG = DefaultCatalogTest.load();

    @Property
    void priceMaxIsReportedExactlyWhenMaxIsBelowMin(
            @ForAll @BigRange(min = "0", max = "1000000") @Scale(2) BigDecimal min,
            @ForAll @BigRange(min = "0", max = "1000000") @Scale(2) BigDecimal max) {
        Treatment t = treatment().withPrice(new Treatment.PriceRange("USD", min, max, List.of("ref-53"), null)).build();

        List<String> fields = TreatmentValidation.check(t).stream().map(Violation::field).toList();

        if (max.compareTo(min) < 0) {
            assertThat(fields).containsExactly("price.max");
        } else {
            assertThat(fields).isEmpty();
        }
    }

    @Property
    void equalPricesAreNeverReported(@ForAll @BigRange(min = "0", max = "1000000") @Scale(2) BigDecimal price) {
        Treatment t = treatment().withPrice(new Treatment.PriceRange("USD", price, price, List.of("ref-53"), null))
                .build();

        assertThat(TreatmentValidation.check(t)).isEmpty();
    }

    @Property
    void attributingAnUnchangedDefaultChangesNothing(@ForAll("defaults") Treatment t) {
        assertThat(ClinicEdits.attribute(t, t)).isEqualTo(t);
    }

    @Provide
    Arbitrary<Treatment> defaults() {
        return Arbitraries.of(CATALOG.all());
    }
}
