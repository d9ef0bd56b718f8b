package com.clearskin.directory;

import com.clearskin.resources.WeeklyHours;
import com.clearskin.reviews.Review;
import com.clearskin.reviews.ReviewRules;
import java.time.ZoneOffset;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema.org description of a clinic's public profile, for search engines: a
 * HealthAndBeautyBusiness with its address, position, hours, offers and reviews, and an
 * AggregateRating only from three reviews on. Built as a Jackson tree (never by concatenating
 * text), and written so that it can sit inside a script element: {@code <}, {@code >} and
 * {@code &} are written as JSON escapes, so no review text can close the element.
 */
public final class StructuredData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StructuredData() {
    }

    /** The JSON-LD of the profile, {@code url} its absolute address. */
    public static String of(PublicProfile p, String url) {
        ObjectNode root = JSON.createObjectNode();
        root.put("@context", "https://schema.org");
        root.put("@type", "HealthAndBeautyBusiness");
        root.put("name", p.face().displayName());
        root.put("url", url);
        if (p.face().description() != null) {
            root.put("description", p.face().description());
        }
        if (p.face().phone() != null) {
            root.put("telephone", p.face().phone());
        }
        ObjectNode address = root.putObject("address");
        address.put("@type", "PostalAddress");
        address.put("streetAddress", p.listing().address());
        address.put("addressLocality", p.listing().city());
        if (p.listing().latitude() != null) {
            ObjectNode geo = root.putObject("geo");
            geo.put("@type", "GeoCoordinates");
            geo.put("latitude", p.listing().latitude());
            geo.put("longitude", p.listing().longitude());
        }
        ArrayNode hours = root.putArray("openingHoursSpecification");
        for (WeeklyHours h : p.openingHours()) {
            ObjectNode spec = hours.addObject();
            spec.put("@type", "OpeningHoursSpecification");
            spec.put("dayOfWeek", "https://schema.org/" + capitalized(h.weekday()));
            spec.put("opens", h.start());
            spec.put("closes", h.end());
        }
        ArrayNode offers = root.putArray("makesOffer");
        for (PublicProfile.Offer o : p.treatments()) {
            ObjectNode offer = offers.addObject();
            offer.put("@type", "Offer");
            ObjectNode service = offer.putObject("itemOffered");
            service.put("@type", "Service");
            service.put("name", o.name());
            if (o.priceMin() != null) {
                ObjectNode price = offer.putObject("priceSpecification");
                price.put("@type", "PriceSpecification");
                price.put("priceCurrency", o.currency());
                price.put("minPrice", o.priceMin());
                if (o.priceMax() != null) {
                    price.put("maxPrice", o.priceMax());
                }
            }
        }
        if (p.summary().count() >= ReviewRules.MIN_FOR_AVERAGE && p.summary().average() != null) {
            ObjectNode rating = root.putObject("aggregateRating");
            rating.put("@type", "AggregateRating");
            rating.put("ratingValue", p.summary().average());
            rating.put("reviewCount", p.summary().count());
            rating.put("bestRating", 5);
            rating.put("worstRating", 1);
        }
        ArrayNode reviews = root.putArray("review");
        for (Review r : p.reviews()) {
            ObjectNode review = reviews.addObject();
            review.put("@type", "Review");
            ObjectNode stars = review.putObject("reviewRating");
            stars.put("@type", "Rating");
            stars.put("ratingValue", r.rating());
            stars.put("bestRating", 5);
            stars.put("worstRating", 1);
            review.put("reviewBody", r.text());
            review.put("datePublished", r.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
            ObjectNode author = review.putObject("author");
            author.put("@type", "Person");
            author.put("name", "Verified client");
        }
        return safeForScript(JSON.writeValueAsString(root));
    }

    /** JSON that may sit inside a script element: every {@code <}, {@code >} and {@code &} as its JSON escape. */
    static String safeForScript(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static String capitalized(String weekday) {
        return weekday.substring(0, 1).toUpperCase(Locale.ROOT) + weekday.substring(1).toLowerCase(Locale.ROOT);
    }
}
