package com.clearskin.directory;

import com.clearskin.clinics.Clinic;
import com.clearskin.platform.ConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clinics' directory listings: read one, set one (owners and admins, through the API or the staff page). */
@Service
public class DirectoryListings {

    /** A listed clinic with its place. */
    public record Listed(UUID clinicId, DirectoryListing listing) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DirectoryListings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The clinic's listing; unlisted (revision 0) when never set. */
    public DirectoryListing of(Clinic clinic) {
        return jdbc.sql("select * from directory_listing where clinic_id = :clinic").param("clinic", clinic.id())
                .query(DirectoryListings::map).optional().orElseGet(DirectoryListing::unlisted);
    }

    /** Every listed clinic, with its place. */
    public List<Listed> listed() {
        return jdbc.sql("select * from directory_listing where listed").query((rs, n) ->
                new Listed(rs.getObject("clinic_id", UUID.class), map(rs, n))).list();
    }

    /**
     * Sets the listing (every field); 400 naming a wrong field, 409 when {@code expectedRevision} is
     * given and the listing changed meanwhile.
     */
    @Transactional
    public DirectoryListing set(Clinic clinic, boolean listed, String address, String city, Double latitude,
            Double longitude, UUID by, Integer expectedRevision) {
        String street = address == null ? "" : address.strip();
        String town = city == null ? "" : city.strip();
        ListingRules.check(listed, street, town, latitude, longitude);
        DirectoryListing current = of(clinic);
        if (expectedRevision != null && expectedRevision != current.revision()) {
            throw new ConflictException("listing-changed", "The listing was changed meanwhile (revision "
                    + current.revision() + "); reload it and try again.", Map.of("revision", current.revision()));
        }
        jdbc.sql("""
                insert into directory_listing (clinic_id, listed, address, city, latitude, longitude, revision,
                                               updated_by, updated_at)
                values (:clinic, :listed, :address, :city, :lat, :lng, 1, :by, :now)
                on conflict (clinic_id) do update set listed = excluded.listed, address = excluded.address,
                    city = excluded.city, latitude = excluded.latitude, longitude = excluded.longitude,
                    revision = directory_listing.revision + 1, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at""")
                .param("clinic", clinic.id()).param("listed", listed).param("address", street).param("city", town)
                .param("lat", latitude).param("lng", longitude).param("by", by)
                .param("now", Timestamp.from(Instant.now(clock))).update();
        return of(clinic);
    }

    private static DirectoryListing map(ResultSet rs, int row) throws SQLException {
        double lat = rs.getDouble("latitude");
        Double latitude = rs.wasNull() ? null : lat;
        double lng = rs.getDouble("longitude");
        Double longitude = rs.wasNull() ? null : lng;
        return new DirectoryListing(rs.getBoolean("listed"), rs.getString("address"), rs.getString("city"), latitude,
                longitude, rs.getInt("revision"), rs.getTimestamp("updated_at").toInstant());
    }
}
