package com.clearskin.publicbooking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public booking's limits (clearskin.public-booking.*): how long a time is held for the
 * client's confirmation, how many unconfirmed holds one email may have, and how many bookings an
 * hour one address and one email may make (counted in the database, so for every app instance
 * together). Sign-ups have their own per-address and per-email hourly limits.
 */
@ConfigurationProperties("clearskin.public-booking")
record PublicBookingSettings(
        @DefaultValue("30") int holdMinutes,
        @DefaultValue("2") int unconfirmedPerEmail,
        @DefaultValue("20") int perAddressPerHour,
        @DefaultValue("6") int perEmailPerHour,
        @DefaultValue("20") int signUpsPerAddressPerHour,
        @DefaultValue("3") int signUpsPerEmailPerHour) {
}
