package com.clearskin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.ClearskinApplication;
import com.clearskin.catalog.ClinicCatalog;
import com.clearskin.catalog.Treatment;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Starting the real application the ways an operator would: embedded, external, and wrongly. */
@ExtendWith(OutputCaptureExtension.class)
class StartupIT {

    static ConfigurableApplicationContext start(String... properties) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("server.port=0",
                "logging.level.root=WARN", "clearskin.demo.password=restart-test-password"));
        args.addAll(java.util.List.of(properties));
        return new SpringApplicationBuilder(ClearskinApplication.class)
                .run(args.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    @Test
    void anEditedTreatmentIsStillEditedAfterARestart(@TempDir Path dataDir, CapturedOutput output) {
        String dir = "clearskin.db.data-dir=" + dataDir;
        try (ConfigurableApplicationContext first = start(dir)) {
            Clinic demo = first.getBean(Clinics.class).requireBySlug("demo");
            ClinicCatalog catalog = first.getBean(ClinicCatalog.class);
            Treatment t = catalog.require(demo, "back-facial").treatment();
            Treatment cheaper = new Treatment(t.code(), t.name(), t.category(), t.setting(), t.summary(),
                    t.description(), t.bodyAreas(), t.concerns(), t.protocol(), t.duration(),
                    new Treatment.PriceRange("USD", new BigDecimal("70"), new BigDecimal("120"), t.price().sources(), null),
                    t.course(), t.downtime(), t.cadence(), t.qualification(), t.equipment(), t.contraindications(),
                    t.beforeCare(), t.aftercare(), t.invasiveness());
            catalog.update(demo, "back-facial", cheaper, null, null);
        }
        assertThat(output.getOut()).containsOnlyOnce("restart-test-password");

        try (ConfigurableApplicationContext second = start(dir)) {
            Clinic demo = second.getBean(Clinics.class).requireBySlug("demo");
            Treatment t = second.getBean(ClinicCatalog.class).require(demo, "back-facial").treatment();
            assertThat(t.price().min()).isEqualByComparingTo("70");
            assertThat(second.getBean(Clinics.class).all()).extracting(Clinic::slug).containsExactlyInAnyOrder("demo", "second");
        }
        assertThat(output.getOut()).containsOnlyOnce("restart-test-password");
    }

    @Test
    void anUnwritableDataDirectoryStopsTheStartWithOneClearLine(@TempDir Path tmp, CapturedOutput output)
            throws IOException {
        Path aFile = Files.writeString(tmp.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> start("clearskin.db.data-dir=" + aFile.resolve("data")))
                .hasRootCauseInstanceOf(java.nio.file.FileSystemException.class);
        assertThat(output).contains("APPLICATION FAILED TO START", "(CLEARSKIN_DATA_DIR) is not writable");
    }

    @Test
    void anUnreachableDatabaseStopsTheStartWithOneClearLine(CapturedOutput output) {
        assertThatThrownBy(() -> start("clearskin.db.url=jdbc:postgresql://127.0.0.1:9/clearskin",
                "clearskin.db.user=nobody"))
                .satisfies(e -> assertThat(rootRefusal(e)).isNotNull());
        assertThat(output).contains("APPLICATION FAILED TO START",
                "Cannot reach the database at jdbc:postgresql://127.0.0.1:9/clearskin (CLEARSKIN_DB_URL)");
    }

    @Test
    void theProdProfileRefusesTheEmbeddedDatabase(@TempDir Path dataDir, CapturedOutput output) {
        assertThatThrownBy(() -> start("spring.profiles.active=prod", "clearskin.db.data-dir=" + dataDir));
        assertThat(output).contains("The prod profile needs an external PostgreSQL");
    }

    @Test
    void anExternalDatabaseIsUsedAsIsAndTheProdProfileCreatesNoDemoAccounts(@TempDir Path pgDir) throws IOException {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(pgDir).setCleanDataDirectory(true)
                .start()) {
            String url = "jdbc:postgresql://localhost:" + external.getPort() + "/postgres";
            try (ConfigurableApplicationContext app = start("spring.profiles.active=prod", "clearskin.db.url=" + url,
                    "clearskin.db.user=postgres", "clearskin.db.password=")) {
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select count(*) from app_user").query(Integer.class).single()).isZero();
                assertThat(jdbc.sql("select count(*) from clinic").query(Integer.class).single()).isZero();
                assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class)
                        .single()).isGreaterThanOrEqualTo(3);
            }
        }
    }

    private static StartupRefusal rootRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StartupRefusal refusal) {
                return refusal;
            }
        }
        return null;
    }
}
