package com.clearskin.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.platform.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The chart's validation: each wrong field by its path. */
class ChartTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final LocalDate TODAY = LocalDate.parse("2026-06-01");

    @Test
    void anExpiredLotAndAGradeOutOfRangeAreNamed() {
        assertThatThrownBy(() -> Chart.parse(JSON.readTree("""
                {"products": [{"name": "Peel", "lot": "A1", "expires": "2027-01-01"},
                              {"name": "Toner", "lot": "B2", "expires": "2026-05-31"}, {"name": "x"}],
                 "skinResponse": {"erythema": 4, "edema": 1.5},
                 "adverseEvents": [{"description": "blister", "severity": "awful"}],
                 "colour": "blue"}"""), TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::field)
                        .contains("products[1].expires", "products[2].lot", "products[2].expires",
                                "skinResponse.erythema", "skinResponse.edema", "adverseEvents[0].severity", "colour"));
    }

    @Test
    void aFullChartIsKept() {
        Chart chart = Chart.parse(JSON.readTree("""
                {"products": [{"name": "Peel", "lot": "A1", "expires": "2026-06-01"}],
                 "devices": [{"name": "Pen", "settings": {"depthMm": 0.5, "passes": 3, "agent": "TCA 15%"}}],
                 "skinResponse": {"erythema": 2, "edema": 0},
                 "adverseEvents": [{"description": "pinpoint bleeding", "severity": "mild"}],
                 "notes": {"subjective": "s", "objective": "o", "assessment": "a", "plan": "p"},
                 "preferences": {"music": "jazz", "aroma": "none", "lighting": "dim", "pressure": "light"}}"""), TODAY);
        assertThat(chart.products().get(0).expires()).as("expiring today is still usable").isEqualTo(TODAY);
        assertThat(chart.devices().get(0).settings()).containsKeys("depthMm", "passes", "agent");
        assertThat(chart.skinResponse().erythema()).isEqualTo(2);
        assertThat(chart.preferences().any()).isTrue();
    }
}
