package com.clearskin.calendar;

import com.clearskin.clients.ClientErased;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** When a client's data is erased, their calendar feeds stop answering (revoked in the same transaction). */
@Component
class ErasedClientFeeds {

    private final JdbcClient jdbc;
    private final Clock clock;

    ErasedClientFeeds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void onClientErased(ClientErased event) {
        jdbc.sql("""
                update calendar_feed set revoked_at = :now
                where clinic_id = :clinic and subject_kind = 'client' and subject_id = :client and revoked_at is null""")
                .param("now", Timestamp.from(Instant.now(clock))).param("clinic", event.clinicId())
                .param("client", event.clientId()).update();
    }
}
