package com.clearskin.clinics;

import com.clearskin.platform.ConflictException;
import com.clearskin.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clinics: open one, find one by slug or id. */
@Service
public class Clinics {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Clinics(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Clinic open(NewClinic command) {
        command.validate();
        if (bySlug(command.slug()).isPresent()) {
            throw new ConflictException("A clinic with slug '" + command.slug() + "' already exists.");
        }
        Clinic clinic = new Clinic(UUID.randomUUID(), command.slug(), command.name().strip(),
                ZoneId.of(command.timeZone()), command.currency(), command.jurisdiction(), Instant.now(clock));
        jdbc.sql("""
                insert into clinic (id, slug, name, time_zone, currency, jurisdiction, created_at)
                values (:id, :slug, :name, :zone, :currency, :jurisdiction, :createdAt)""")
                .param("id", clinic.id())
                .param("slug", clinic.slug())
                .param("name", clinic.name())
                .param("zone", clinic.timeZone().getId())
                .param("currency", clinic.currency())
                .param("jurisdiction", clinic.jurisdiction())
                .param("createdAt", Timestamp.from(clinic.createdAt()))
                .update();
        events.publishEvent(new ClinicCreated(clinic));
        return clinic;
    }

    /**
     * Moves the clinic to another IANA time zone. Instants already stored keep their meaning; local
     * rules (opening hours, shifts) are read in the new zone from now on.
     */
    @Transactional
    public Clinic changeTimeZone(UUID clinicId, ZoneId zone) {
        int updated = jdbc.sql("update clinic set time_zone = :zone where id = :id")
                .param("zone", zone.getId()).param("id", clinicId).update();
        if (updated == 0) {
            throw new NotFoundException("No clinic " + clinicId + ".");
        }
        return byId(clinicId).orElseThrow();
    }

    public Optional<Clinic> bySlug(String slug) {
        return jdbc.sql("select * from clinic where slug = :slug").param("slug", slug).query(Clinics::map).optional();
    }

    public Clinic requireBySlug(String slug) {
        return bySlug(slug).orElseThrow(() -> new NotFoundException("No clinic '" + slug + "'."));
    }

    public Optional<Clinic> byId(UUID id) {
        return jdbc.sql("select * from clinic where id = :id").param("id", id).query(Clinics::map).optional();
    }

    /** The clinics of these ids, in one statement (an unknown id is left out). */
    public List<Clinic> byIds(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from clinic where id in (:ids)").param("ids", List.copyOf(ids)).query(Clinics::map).list();
    }

    public List<Clinic> all() {
        return jdbc.sql("select * from clinic order by name").query(Clinics::map).list();
    }

    private static Clinic map(ResultSet rs, int row) throws SQLException {
        return new Clinic(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"),
                ZoneId.of(rs.getString("time_zone")), rs.getString("currency").trim(), rs.getString("jurisdiction"),
                rs.getTimestamp("created_at").toInstant());
    }
}
