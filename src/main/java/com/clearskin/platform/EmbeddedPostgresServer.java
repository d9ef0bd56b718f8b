package com.clearskin.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL of the default run: zonky's PostgreSQL 18 binaries, data kept under
 * {@code <dataDir>/postgres} so that it survives restarts. One server per data directory and JVM,
 * shared by every application context that asks for it (tests start several contexts). The JVM that
 * runs it owns the data directory ({@link DataDirectoryOwner}); the server listens on localhost only and
 * asks for the password kept in {@code <dataDir>/postgres-password} ({@link EmbeddedPostgresPassword}).
 */
final class EmbeddedPostgresServer {

    static final String DATABASE = "clearskin";
    static final String SUPERUSER = "postgres";
    private static final String AUTHENTICATION = "scram-sha-256";
    private static final String PG_HBA = """
            # Written by Clearskin: connections from this machine only, with the password in
            # ../postgres-password (an earlier version let every local user in without one).
            local   all           all                 scram-sha-256
            host    all           all   127.0.0.1/32  scram-sha-256
            host    all           all   ::1/128       scram-sha-256
            local   replication   all                 scram-sha-256
            host    replication   all   127.0.0.1/32  scram-sha-256
            host    replication   all   ::1/128       scram-sha-256
            """;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();

    private final EmbeddedPostgres postgres;
    private final Path directory;
    private final DataDirectoryOwner owner;
    private final String password;
    private int users;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path directory, DataDirectoryOwner owner,
            String password) {
        this.postgres = postgres;
        this.directory = directory;
        this.owner = owner;
        this.password = password;
    }

    static synchronized EmbeddedPostgresServer acquire(Path dataDir, boolean clean, boolean durable) {
        requireWritable(dataDir);
        Path home = realPath(dataDir);
        Path directory = home.resolve("postgres");
        EmbeddedPostgresServer server = RUNNING.get(directory);
        if (server == null) {
            server = start(home, directory, clean, durable);
            RUNNING.put(directory, server);
        }
        server.users++;
        return server;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    String user() {
        return SUPERUSER;
    }

    String password() {
        return password;
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
        owner.release();
    }

    private static EmbeddedPostgresServer start(Path home, Path directory, boolean clean, boolean durable) {
        DataDirectoryOwner owner = DataDirectoryOwner.claim(home);
        try {
            stopOrphanedServer(directory);
            if (clean) {
                deleteRecursively(directory);
            }
            String password = EmbeddedPostgresPassword.readOrCreate(home);
            boolean trustsLocalUsers = trustsLocalUsers(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory.toFile())
                    .setCleanDataDirectory(false)
                    // initdb of a new data directory: the superuser's password from the start, never trust.
                    .setLocaleConfig("auth-local", AUTHENTICATION)
                    .setLocaleConfig("auth-host", AUTHENTICATION)
                    .setLocaleConfig("pwfile", home.resolve(EmbeddedPostgresPassword.FILE_NAME).toString())
                    .setConnectConfig("password", password)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "200")
                    // zonky starts PostgreSQL with -F (no fsync) for throw-away test databases;
                    // ./data is the user's data, so it is written durably like any PostgreSQL.
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setServerConfig("timezone", "UTC")
                    .start();
            try {
                if (trustsLocalUsers) {
                    requirePassword(postgres, directory, password);
                }
                createDatabaseIfMissing(postgres);
            } catch (IOException | SQLException | RuntimeException e) {
                postgres.close();
                throw e;
            }
            return new EmbeddedPostgresServer(postgres, directory, owner, password);
        } catch (StartupRefusal e) {
            owner.release();
            throw e;
        } catch (IOException | SQLException | RuntimeException e) {
            owner.release();
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

    private static Path realPath(Path dataDir) {
        try {
            return dataDir.toRealPath();
        } catch (IOException e) {
            throw new StartupRefusal("The data directory " + dataDir.toAbsolutePath().normalize()
                    + " (CLEARSKIN_DATA_DIR) cannot be resolved: " + rootMessage(e), e);
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

    /** Whether pg_hba.conf (of a data directory made before the password) lets anyone in without one. */
    private static boolean trustsLocalUsers(Path directory) throws IOException {
        Path hba = directory.resolve("pg_hba.conf");
        if (!Files.exists(hba)) {
            return false; // a new directory: initdb writes it with passwords
        }
        try (Stream<String> lines = Files.lines(hba)) {
            return lines.map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .anyMatch(line -> !line.endsWith(AUTHENTICATION));
        }
    }

    /**
     * Upgrades a data directory that trusted every local user, keeping its data: the superuser gets the
     * password (sent as a SCRAM verifier, never in clear), pg_hba.conf asks for it, and the server
     * reloads it before anything else connects.
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path directory, String password)
            throws SQLException, IOException {
        log.warn("The embedded PostgreSQL in {} trusted every local user; it now asks for the password in {}",
                directory, directory.resolveSibling(EmbeddedPostgresPassword.FILE_NAME));
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            c.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, password.toCharArray(), AUTHENTICATION);
            Path hba = directory.resolve("pg_hba.conf");
            Path replacement = directory.resolve("pg_hba.conf.new");
            Files.writeString(replacement, PG_HBA);
            if (hba.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(hba));
            }
            Files.move(replacement, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            s.execute("select pg_reload_conf()");
        }
        awaitPasswordRequired(postgres.getPort());
    }

    /** The reload is asynchronous: waits (briefly, bounded) until a connection without the password fails. */
    private static void awaitPasswordRequired(int port) throws IOException {
        java.util.Properties noPassword = new java.util.Properties();
        noPassword.setProperty("user", SUPERUSER);
        noPassword.setProperty("connectTimeout", "2");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                    noPassword)) {
                sleep(Duration.ofMillis(50));
            } catch (SQLException refused) {
                return;
            }
        }
        throw new IOException("the server still lets users in without a password after reloading pg_hba.conf");
    }

    /**
     * Stops a PostgreSQL left running on the directory by a Clearskin that ended without stopping it
     * ({@code kill -9}, a crash): it is an orphan, since this JVM now owns the directory. Fast shutdown
     * (SIGINT) disconnects its clients rather than waiting for them, then immediate (SIGQUIT), then
     * SIGKILL, each wait bounded. A dead server's postmaster.pid is removed.
     */
    private static void stopOrphanedServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> orphan = parsePid(lines).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> isPostgresOf(p, directory, lines));
        if (orphan.isPresent()) {
            ProcessHandle process = orphan.get();
            log.warn("Stopping the embedded PostgreSQL (pid {}) left running in {} by a Clearskin that has ended",
                    process.pid(), directory);
            long began = System.nanoTime();
            boolean stopped = signalAndWait(process, "INT", Duration.ofSeconds(15))
                    || signalAndWait(process, "QUIT", Duration.ofSeconds(5))
                    || (process.destroyForcibly() && awaitExit(process, Duration.ofSeconds(5)));
            if (!stopped) {
                throw new StartupRefusal("The embedded PostgreSQL (pid " + process.pid() + ") left running in "
                        + directory + " does not stop; end it and start again.", null);
            }
            log.info("Stopped the orphaned PostgreSQL in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> parsePid(List<String> pidFileLines) {
        try {
            return pidFileLines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(pidFileLines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The pid is that of a postgres serving this directory, not of some process that reused the number. */
    private static boolean isPostgresOf(ProcessHandle process, Path directory, List<String> pidFileLines) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().or(info::commandLine).map(c -> c.contains("postgres")).orElse(false);
        boolean ofDirectory = info.commandLine().map(c -> c.contains(directory.toString()))
                .orElse(pidFileLines.size() > 1 && pidFileLines.get(1).trim().equals(directory.toString()));
        return postgres && ofDirectory;
    }

    private static boolean signalAndWait(ProcessHandle process, String signal, Duration wait) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            log.warn("Could not send SIG{} to {}: {}", signal, process.pid(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return awaitExit(process, wait);
    }

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
