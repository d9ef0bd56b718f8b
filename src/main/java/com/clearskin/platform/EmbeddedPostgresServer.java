package com.clearskin.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of the default run: zonky's PostgreSQL 18 binaries, data kept under
 * {@code <dataDir>/postgres} so that it survives restarts. One server per data directory and JVM,
 * shared by every application context that asks for it (tests start several contexts).
 */
final class EmbeddedPostgresServer {

    static final String DATABASE = "clearskin";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();

    private final EmbeddedPostgres postgres;
    private final Path directory;
    private int users;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    static synchronized EmbeddedPostgresServer acquire(Path dataDir, boolean clean, boolean durable) {
        Path directory = dataDir.toAbsolutePath().normalize().resolve("postgres");
        EmbeddedPostgresServer server = RUNNING.get(directory);
        if (server == null) {
            server = start(dataDir, directory, clean, durable);
            RUNNING.put(directory, server);
        }
        server.users++;
        return server;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    synchronized void release() {
        synchronized (EmbeddedPostgresServer.class) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(directory);
        }
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    private static EmbeddedPostgresServer start(Path dataDir, Path directory, boolean clean, boolean durable) {
        requireWritable(dataDir);
        if (clean) {
            deleteRecursively(directory);
        }
        removeStalePidFile(directory);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory.toFile())
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    // zonky starts PostgreSQL with -F (no fsync) for throw-away test databases;
                    // ./data is the user's data, so it is written durably like any PostgreSQL.
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setServerConfig("timezone", "UTC")
                    .start();
            createDatabaseIfMissing(postgres);
            return new EmbeddedPostgresServer(postgres, directory);
        } catch (IOException | SQLException | RuntimeException e) {
            throw new StartupRefusal("The embedded PostgreSQL could not start in " + directory + ": "
                    + rootMessage(e), e);
        }
    }

    static void requireWritable(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StartupRefusal("The data directory " + dataDir.toAbsolutePath().normalize()
                    + " (CLEARSKIN_DATA_DIR) is not writable: " + rootMessage(e), e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("create database " + DATABASE);
            }
        }
    }

    /**
     * After a crash the data directory may still name a server: a dead one (a stale postmaster.pid,
     * which PostgreSQL would refuse) or an orphaned one whose JVM was killed (still holding the
     * directory). The first is removed, the second shut down cleanly, so that a restart works.
     */
    private static void removeStalePidFile(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (Stream<String> lines = Files.lines(pidFile)) {
            long pid = Long.parseLong(lines.findFirst().orElse("0").trim());
            java.util.Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (process.isPresent() && isOurPostgres(process.get(), directory)) {
                log.warn("Stopping the embedded PostgreSQL (pid {}) left running by an earlier start", pid);
                process.get().destroy();
                process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            if (process.isEmpty() || !process.get().isAlive()) {
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException | NumberFormatException | java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            log.warn("Could not inspect {}: {}", pidFile, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isOurPostgres(ProcessHandle process, Path directory) {
        String command = process.info().commandLine().orElse("");
        return command.contains("postgres") && command.contains(directory.toString());
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
