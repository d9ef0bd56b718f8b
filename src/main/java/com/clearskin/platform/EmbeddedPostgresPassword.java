package com.clearskin.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The password of the embedded PostgreSQL's superuser: generated on the first start and kept in
 * {@code <dataDir>/postgres-password}, readable by its owner only, so that other users of the machine
 * cannot sign in to the database through its localhost port.
 */
final class EmbeddedPostgresPassword {

    static final String FILE_NAME = "postgres-password";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private EmbeddedPostgresPassword() {
    }

    /** The password in the file, created with a new one when there is none yet. */
    static String readOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            create(file, generate());
        }
        restrictToOwner(file);
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IOException(file + " is empty; delete it to have a new password generated");
        }
        return password;
    }

    private static void create(Path file, String password) throws IOException {
        Path partial = file.resolveSibling(FILE_NAME + ".new");
        Files.deleteIfExists(partial);
        if (posix(file)) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(partial);
        }
        Files.writeString(partial, password + "\n", StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String generate() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
