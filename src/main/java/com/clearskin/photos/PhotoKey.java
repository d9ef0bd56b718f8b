package com.clearskin.photos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key photos are encrypted with: {@code CLEARSKIN_DATA_KEY} (32 bytes, base64) when set,
 * else {@code <dataDir>/data-key}, generated on first use and readable by its owner only (like the
 * embedded PostgreSQL's password). Keep it with, but apart from, the backups: without it the photos
 * cannot be read.
 */
final class PhotoKey {

    static final String FILE_NAME = "data-key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecretKey key;

    PhotoKey(String fromEnvironment, Path dataDir) {
        try {
            byte[] raw = fromEnvironment != null && !fromEnvironment.isBlank()
                    ? Base64.getDecoder().decode(fromEnvironment.strip())
                    : readOrCreate(dataDir.resolve(FILE_NAME));
            if (raw.length != 32) {
                throw new IllegalStateException("the photo data key must be 32 bytes (base64), not " + raw.length);
            }
            key = new SecretKeySpec(raw, "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the photo data key in " + dataDir, e);
        }
    }

    SecretKey key() {
        return key;
    }

    private static byte[] readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Path partial = file.resolveSibling(FILE_NAME + ".new");
            Files.deleteIfExists(partial);
            if (posix(file)) {
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(partial);
            }
            Files.writeString(partial, Base64.getEncoder().encodeToString(fresh) + "\n");
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        }
        if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        return Base64.getDecoder().decode(Files.readString(file).strip());
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
