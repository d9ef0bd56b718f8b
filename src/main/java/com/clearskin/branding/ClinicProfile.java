package com.clearskin.branding;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How a clinic presents itself to its clients: the name they know it by, a short description,
 * address, phone, the opening hours it shows (its own words), its colours (a brand colour and the
 * text colour on it, both AA against each other and the brand colour AA on white), its
 * cancellation policy (null: the default sentence from the booking settings), its logo and photos
 * of the premises. {@code revision} 0: nothing set yet, all defaults.
 */
public record ClinicProfile(String displayName, String description, String address, String phone,
        String openingHours, Colors colors, String cancellationPolicy, Picture logo, List<Picture> photos,
        int revision, Instant updatedAt) {

    public static final String DEFAULT_BRAND = "#0f5c5b";
    public static final String DEFAULT_ON_BRAND = "#ffffff";

    public ClinicProfile {
        photos = List.copyOf(photos);
    }

    /** The brand colour and the text colour on it, as #rrggbb. */
    public record Colors(String brand, String onBrand) {
    }

    /** A picture: its id, what it shows in words, its type. */
    public record Picture(UUID id, String alt, String contentType) {
    }

    /** The cancellation policy shown to clients: the clinic's own, or the sentence of its notice. */
    public String cancellationPolicyOr(int clientCancelHours) {
        return cancellationPolicy != null ? cancellationPolicy
                : "You can cancel or move your appointment online until " + clientCancelHours + " hours before it "
                        + "starts. After that, please call " + displayName + ".";
    }
}
