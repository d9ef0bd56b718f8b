package com.clearskin.platform;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/**
 * The running Clearskin that owns a data directory: the process holding an OS lock on
 * {@code <dataDir>/clearskin.lock}, whose text names it (pid, start). The operating system drops the
 * lock when that process ends, however it ends ({@code kill -9} included), so a free lock means that a
 * PostgreSQL still running on the directory is an orphan. Claimed once per data directory and JVM.
 */
final class DataDirectoryOwner {

    static final String FILE_NAME = "clearskin.lock";
    /** The lock files this JVM holds: a second descriptor of one must never be closed (see {@link #requireFree}). */
    private static final Set<Path> HELD = new HashSet<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryOwner(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Refuses the start at once, before the application context is built, when another running
     * Clearskin holds the directory; {@link #claim} decides later, this only makes the refusal quick.
     */
    static synchronized void requireFree(Path dataDir) {
        Path file;
        try {
            file = dataDir.resolve(FILE_NAME).toRealPath();
        } catch (IOException e) {
            return; // no lock file: nobody has claimed the directory yet
        }
        if (HELD.contains(file)) {
            return;
        }
        // Closing this probe drops every lock this process holds on the file: none, as HELD and the
        // synchronisation with claim and release make sure.
        try (FileChannel probe = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = probe.tryLock();
            if (lock == null) {
                throw new StartupRefusal(inUse(file.getParent(), readOwner(file)), null);
            }
            lock.release();
        } catch (IOException | OverlappingFileLockException e) {
            // claim says what is wrong
        }
    }

    /** Claims the directory for this JVM, or refuses the start when another running Clearskin holds it. */
    static synchronized DataDirectoryOwner claim(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new StartupRefusal(inUse(dataDir, readOwner(file)), null);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(describeThisProcess().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            Path held = file.toRealPath();
            HELD.add(held);
            return new DataDirectoryOwner(held, channel, lock);
        } catch (OverlappingFileLockException e) {
            // This JVM holds it already, under another path to the same file. The channel stays open: closing
            // a second descriptor of a locked file (as reading it would, too) drops this process's lock.
            throw new StartupRefusal(inUse(dataDir, describeThisProcess()), null);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StartupRefusal("Cannot lock the data directory " + dataDir + " (CLEARSKIN_DATA_DIR) through "
                    + file + ": " + EmbeddedPostgresServer.rootMessage(e), e);
        }
    }

    void release() {
        synchronized (DataDirectoryOwner.class) {
            HELD.remove(file);
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }

    private static String describeThisProcess() {
        ProcessHandle self = ProcessHandle.current();
        Instant started = self.info().startInstant().orElseGet(Instant::now);
        return "# The Clearskin that uses this data directory; the lock on this file is held while it runs.\n"
                + "pid=" + self.pid() + "\nstarted=" + started + "\n";
    }

    private static String readOwner(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return ""; // named as unknown below
        }
    }

    private static String inUse(Path dataDir, String ownerText) {
        Properties owner = new Properties();
        try {
            owner.load(new StringReader(ownerText));
        } catch (IOException e) {
            // a StringReader does not fail
        }
        return "The data directory " + dataDir + " is in use by a running Clearskin (pid "
                + owner.getProperty("pid", "unknown") + ", started " + owner.getProperty("started", "at an unknown time")
                + "); stop it first or set CLEARSKIN_DATA_DIR to another directory.";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
