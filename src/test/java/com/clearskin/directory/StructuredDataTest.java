package com.clearskin.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.branding.ClinicProfile;
import com.clearskin.clinics.Clinic;
import com.clearskin.resources.WeeklyHours;
import com.clearskin.reviews.Review;
import com.clearskin.reviews.ReviewSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StructuredDataTest {

    static final String HOSTILE = "Great </script><script>alert('x')</script> & <!-- done";

    static PublicProfile profile(int reviews) {
        Clinic clinic = new Clinic(UUID.randomUUID(), "glow", "Glow", ZoneId.of("Europe/Paris"), "EUR", "FR", Instant.now());
        ClinicProfile face = new ClinicProfile("Glow Studio", "Facials", "1 rue", "+33 1 23", null,
                new ClinicProfile.Colors(ClinicProfile.DEFAULT_BRAND, ClinicProfile.DEFAULT_ON_BRAND), null, null, List.of(),
                1, Instant.now());
        DirectoryListing listing = new DirectoryListing(true, "1 rue de Rivoli", "Paris", 48.8566, 2.3522, 1, Instant.now());
        List<Review> list = java.util.stream.IntStream.range(0, reviews).mapToObj(i -> new Review(UUID.randomUUID(), 4,
                HOSTILE, "Verified visit: Extraction facial, Nov 2026", "extraction-facial", "Extraction facial", "Anna",
                Instant.parse("2026-11-20T10:00:00Z"), null)).toList();
        PublicProfile.Offer offer = new PublicProfile.Offer("extraction-facial", "Extraction facial", "Deep clean", "EUR",
                new BigDecimal("85"), new BigDecimal("150"), 1, 3, new BigDecimal("85"), new BigDecimal("450"), true);
        return new PublicProfile(clinic, face, listing, List.of(new WeeklyHours("monday", "09:00", "17:00")), List.of(),
                List.of(offer), new ReviewSummary(reviews >= 3 ? 4.0 : null, reviews, List.of(0, 0, 0, reviews, 0)), list,
                false, null);
    }

    @Test
    void itIsABusinessWithItsAddressPositionHoursOffersAndReviews() {
        String text = StructuredData.of(profile(3), "https://clearskin.app/clinics/glow");
        JsonNode ld = JsonMapper.builder().build().readTree(text);
        assertThat(ld.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(ld.get("@type").asString()).isEqualTo("HealthAndBeautyBusiness");
        assertThat(ld.get("name").asString()).isEqualTo("Glow Studio");
        assertThat(ld.get("address").get("addressLocality").asString()).isEqualTo("Paris");
        assertThat(ld.get("geo").get("latitude").asDouble()).isEqualTo(48.8566);
        assertThat(ld.get("openingHoursSpecification").get(0).get("dayOfWeek").asString()).isEqualTo("https://schema.org/Monday");
        JsonNode offer = ld.get("makesOffer").get(0);
        assertThat(offer.get("@type").asString()).isEqualTo("Offer");
        assertThat(offer.get("priceSpecification").get("minPrice").decimalValue()).isEqualByComparingTo("85");
        assertThat(offer.get("priceSpecification").get("priceCurrency").asString()).isEqualTo("EUR");
        assertThat(ld.get("aggregateRating").get("@type").asString()).isEqualTo("AggregateRating");
        assertThat(ld.get("aggregateRating").get("reviewCount").asInt()).isEqualTo(3);
        JsonNode review = ld.get("review").get(0);
        assertThat(review.get("@type").asString()).isEqualTo("Review");
        assertThat(review.get("reviewRating").get("ratingValue").asInt()).isEqualTo(4);
        assertThat(review.get("reviewBody").asString()).as("the text survives exactly").isEqualTo(HOSTILE);
    }

    @Test
    void noAggregateRatingUnderThreeReviews() {
        JsonNode ld = JsonMapper.builder().build().readTree(StructuredData.of(profile(2), "https://x/clinics/glow"));
        assertThat(ld.has("aggregateRating")).isFalse();
        assertThat(ld.get("review")).hasSize(2);
    }

    @Test
    void noReviewTextCanCloseTheScriptElement() {
        String text = StructuredData.of(profile(3), "https://x/clinics/glow");
        assertThat(text).doesNotContain("<").doesNotContain(">").doesNotContain("</script");
        assertThat(text).contains("\\u003c/script\\u003e");
    }
}
