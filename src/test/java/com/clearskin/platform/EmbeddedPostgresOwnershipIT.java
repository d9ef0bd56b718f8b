package com.clearskin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.ClearskinApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may use a data directory's embedded PostgreSQL: one running Clearskin (a second start refuses; a
 * restart after {@code kill -9} takes over the orphan whatever is connected to it), and only with the
 * password kept in the data directory. The first Clearskin runs in a child JVM, so that it can be killed.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedPostgresOwnershipIT {

    private static final Duration CHILD_START = Duration.ofSeconds(90);

    static ConfigurableApplicationContext start(Path dataDir) {
        return StartupIT.start("clearskin.db.data-dir=" + dataDir, "clearskin.passwords.bcrypt-strength=4");
    }

    /** Issue 11: both halves on one child JVM, which takes most of the time to start. */
    @Test
    void aSecondStartRefusesWhileTheFirstRunsAndARestartAfterItsKillNineTakesOverItsPostgres(@TempDir Path dataDir,
            CapturedOutput output) throws Exception {
        try (Child first = Child.start(dataDir); Connection bystander = connect(dataDir, password(dataDir))) {
            long began = System.nanoTime();
            assertThatThrownBy(() -> start(dataDir)).satisfies(e -> assertThat(rootRefusal(e)).isNotNull());
            Duration refusedAfter = Duration.ofNanos(System.nanoTime() - began);
            System.out.println("A second start refused after " + refusedAfter.toMillis() + " ms");

            assertThat(output).contains("APPLICATION FAILED TO START", "The data directory " + dataDir.toRealPath()
                    + " is in use by a running Clearskin (pid " + first.pid() + ", started ",
                    "); stop it first or set CLEARSKIN_DATA_DIR to another directory.");
            assertThat(refusedAfter).isLessThan(Duration.ofSeconds(5));
            assertThat(first.health()).contains("\"status\":\"UP\"");
            assertThat(count(bystander, "select count(*) from clinic")).isPositive();

            long orphan = postmasterPid(dataDir);
            first.kill();
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);
            long restarting = System.nanoTime();
            var orphanEnded = ProcessHandle.of(orphan).orElseThrow().onExit().thenApply(p -> System.nanoTime());
            try (ConfigurableApplicationContext restarted = start(dataDir)) {
                Duration restartedAfter = Duration.ofNanos(System.nanoTime() - restarting);
                Duration orphanStoppedAfter = Duration.ofNanos(orphanEnded.getNow(Long.MAX_VALUE) - restarting);
                System.out.println("Restarted after kill -9, a client still connected, in " + restartedAfter.toMillis()
                        + " ms; the orphan ended " + orphanStoppedAfter.toMillis() + " ms after the restart began");
                // the earlier smart shutdown waited 30 s for the bystander, then failed the start
                assertThat(orphanStoppedAfter).isLessThan(Duration.ofSeconds(15));
                JdbcClient jdbc = restarted.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select count(*) from clinic").query(Integer.class).single()).isPositive();
            }
        }
    }

    @Test
    void theEmbeddedPostgresAsksForThePasswordKeptOwnerOnlyInTheDataDirectory(@TempDir Path dataDir)
            throws Exception {
        try (ConfigurableApplicationContext app = start(dataDir)) {
            Path file = dataDir.resolve("postgres-password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

            assertThatThrownBy(() -> connect(dataDir, null)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(dataDir, "guessed")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (Connection c = connect(dataDir, password(dataDir)); Statement s = c.createStatement()) {
                var rs = s.executeQuery("show listen_addresses");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("localhost");
            }
        }
    }

    @Test
    void aDataDirectoryThatTrustedEveryLocalUserAsksForThePasswordAndKeepsItsData(@TempDir Path dataDir)
            throws Exception {
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start();
                Connection c = earlier.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table kept (note text)");
            s.execute("insert into kept values ('from before the password')");
        }

        try (ConfigurableApplicationContext app = start(dataDir)) {
            assertThatThrownBy(() -> connect(dataDir, null)).isInstanceOf(SQLException.class);
            try (Connection c = connect(dataDir, password(dataDir), "postgres"); Statement s = c.createStatement()) {
                var rs = s.executeQuery("select note from kept");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("from before the password");
            }
        }
        assertThat(Files.readAllLines(dataDir.resolve("postgres/pg_hba.conf"))).filteredOn(l -> !l.startsWith("#"))
                .isNotEmpty().allMatch(l -> l.endsWith("scram-sha-256"));
    }

    private static String password(Path dataDir) throws IOException {
        return Files.readString(dataDir.resolve("postgres-password")).strip();
    }

    private static Connection connect(Path dataDir, String password) throws SQLException, IOException {
        return connect(dataDir, password, EmbeddedPostgresServer.DATABASE);
    }

    private static Connection connect(Path dataDir, String password, String database)
            throws SQLException, IOException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        if (password != null) {
            credentials.setProperty("password", password);
        }
        credentials.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postmasterLine(dataDir, 3) + "/"
                + database, credentials);
    }

    private static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(postmasterLine(dataDir, 0));
    }

    /** postmaster.pid: pid, data directory, start time, port, ... */
    private static String postmasterLine(Path dataDir, int index) throws IOException {
        return Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(index).trim();
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
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

    /** Clearskin in a JVM of its own, on the test classpath; closing it stops it and any PostgreSQL it left. */
    private record Child(Process process, Path log, int port, Path dataDir) implements AutoCloseable {

        private static final Pattern RUNNING_AT = Pattern.compile("Clearskin is running at http://localhost:(\\d+)/");

        static Child start(Path dataDir) throws IOException, InterruptedException {
            Path log = Files.createTempFile("clearskin-child", ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), ClearskinApplication.class.getName(), "--server.port=0",
                    "--clearskin.db.data-dir=" + dataDir, "--clearskin.demo.password=child-demo-password",
                    "--clearskin.passwords.bcrypt-strength=4", "--logging.level.root=WARN")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + CHILD_START.toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                Matcher m = RUNNING_AT.matcher(Files.readString(log));
                if (m.find()) {
                    System.out.println("The child Clearskin started in "
                            + Duration.ofNanos(System.nanoTime() - deadline + CHILD_START.toNanos()).toMillis() + " ms");
                    return new Child(process, log, Integer.parseInt(m.group(1)), dataDir);
                }
                Thread.sleep(200);
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("The child Clearskin did not start:\n" + Files.readString(log));
        }

        long pid() {
            return process.pid();
        }

        String health() throws IOException, InterruptedException {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }

        /** {@code kill -9}: the JVM ends at once, its PostgreSQL keeps running, orphaned. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            Path pidFile = dataDir.resolve("postgres/postmaster.pid");
            if (Files.exists(pidFile)) {
                String directory = dataDir.toRealPath().resolve("postgres").toString();
                List<String> lines = Files.readAllLines(pidFile);
                ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().commandLine().orElse("").contains(directory))
                        .ifPresent(p -> {
                            p.destroyForcibly();
                            p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> p).join();
                        });
            }
            Files.deleteIfExists(log);
        }
    }
}
