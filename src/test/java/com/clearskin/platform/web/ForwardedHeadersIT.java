package com.clearskin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.accounts.Role;
import com.clearskin.support.Http;
import com.clearskin.support.IntegrationTest;
import com.clearskin.support.TestClinics;
import com.clearskin.support.TestClinics.TestClinic;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * With no trusted proxy (the default), forwarded headers are ignored from every peer, loopback
 * included: a caller cannot walk through the anonymous limit with a new X-Forwarded-For each time,
 * cannot claim HTTPS, and the audit log keeps the real peer.
 */
@IntegrationTest
@TestPropertySource(properties = {"clearskin.proxy.trusted=", "clearskin.rate-limit.public.capacity=5",
        "clearskin.rate-limit.public.refill-per-minute=1"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForwardedHeadersIT {

    @LocalServerPort
    int port;
    @Autowired
    TestClinics testClinics;
    @Autowired
    JdbcClient jdbc;

    @Test
    @Order(2)
    void aNewForwardedAddressPerRequestDoesNotMakeANewCaller() {
        int answered = 0;
        int refused = 0;
        for (int i = 0; i < 20; i++) {
            Http.Response r = new Http(port).header("X-Forwarded-For", "198.51.100." + (i + 1))
                    .get("/api/v1/treatments");
            if (r.status() == 200) {
                answered++;
            } else if (r.status() == 429) {
                refused++;
            }
        }
        assertThat(answered).as("one bucket for the one real peer").isLessThanOrEqualTo(5);
        assertThat(refused).isGreaterThanOrEqualTo(15);
    }

    @Test
    @Order(1)
    void forwardedHttpsFromAnUntrustedPeerIsNotBelievedAndTheAuditKeepsThePeer() {
        TestClinic clinic = testClinics.open();
        Http owner = new Http(port).signInForApi(clinic.email(Role.OWNER), TestClinics.PASSWORD);
        String clients = "/api/v1/clinics/" + clinic.slug() + "/clients";
        String id = owner.postJson(clients, Map.of("firstName", "Ada", "lastName", "Peer", "email", "ada@example.com"))
                .json().get("id").asString();
        Http.Response tls = owner.get(clients + "/" + id,
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.77"));
        assertThat(tls.status()).isEqualTo(200);
        assertThat(tls.header("Strict-Transport-Security")).as("plain HTTP, whatever the header says").isNull();
        String ip = jdbc.sql("select ip from audit_event where clinic_id = :c order by id desc limit 1")
                .param("c", clinic.clinic().id()).query(String.class).single();
        assertThat(ip).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }
}
