package com.clearskin.directory;

import java.time.Instant;

/**
 * A clinic's entry in the public directory: whether it chose to be listed, its street address,
 * city and coordinates (degrees). {@code revision} 0: never set, not listed.
 */
public record DirectoryListing(boolean listed, String address, String city, Double latitude, Double longitude,
        int revision, Instant updatedAt) {

    public static DirectoryListing unlisted() {
        return new DirectoryListing(false, "", "", null, null, 0, null);
    }
}
