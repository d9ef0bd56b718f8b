package com.clearskin.directory;

import com.clearskin.platform.InvalidInputException;

/**
 * What a clinic's directory listing must hold, one rule each: coordinates on the Earth, an address
 * and a city of sane length, and a listed clinic has both a city and a position (so that clients can
 * find it by place and distance).
 */
public final class ListingRules {

    public static final int MAX_ADDRESS = 300;
    public static final int MAX_CITY = 100;

    private ListingRules() {
    }

    /** A latitude is -90 to 90 degrees. */
    public static void latitude(String field, double value) {
        if (!Double.isFinite(value) || value < -90 || value > 90) {
            throw new InvalidInputException(field, "latitude must be between -90 and 90 degrees");
        }
    }

    /** A longitude is -180 to 180 degrees. */
    public static void longitude(String field, double value) {
        if (!Double.isFinite(value) || value < -180 || value > 180) {
            throw new InvalidInputException(field, "longitude must be between -180 and 180 degrees");
        }
    }

    /** Latitude and longitude come together, or neither. */
    static void bothOrNeither(Double latitude, Double longitude) {
        if (latitude == null && longitude != null) {
            throw new InvalidInputException("latitude", "is required with a longitude");
        }
        if (latitude != null && longitude == null) {
            throw new InvalidInputException("longitude", "is required with a latitude");
        }
    }

    /** An address is at most 300 characters, a city at most 100. */
    static void lengths(String address, String city) {
        if (address != null && address.length() > MAX_ADDRESS) {
            throw new InvalidInputException("address", "is at most " + MAX_ADDRESS + " characters");
        }
        if (city != null && city.length() > MAX_CITY) {
            throw new InvalidInputException("city", "is at most " + MAX_CITY + " characters");
        }
    }

    /** A clinic that is listed has a city and coordinates: otherwise nobody could find it by place. */
    static void listedNeedsPlace(boolean listed, String city, Double latitude) {
        if (!listed) {
            return;
        }
        if (city == null || city.isBlank()) {
            throw new InvalidInputException("city", "is required to be listed in the directory");
        }
        if (latitude == null) {
            throw new InvalidInputException("latitude", "is required to be listed in the directory (with longitude)");
        }
    }

    /** Checks a whole listing. */
    public static void check(boolean listed, String address, String city, Double latitude, Double longitude) {
        lengths(address, city);
        bothOrNeither(latitude, longitude);
        if (latitude != null) {
            latitude("latitude", latitude);
            longitude("longitude", longitude);
        }
        listedNeedsPlace(listed, city, latitude);
    }
}
