package com.clearskin.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoCipherTest {

    @TempDir
    Path dataDir;

    @Test
    void theStoredBytesAreNotTheImageAndReadBackExactly() {
        PhotoCipher cipher = new PhotoCipher(new PhotoKey(null, dataDir).key());
        UUID photo = UUID.randomUUID();
        byte[] image = new byte[4096];
        Arrays.fill(image, (byte) 0xFF);
        byte[] stored = cipher.encrypt(photo, "image", image);
        assertThat(stored).isNotEqualTo(image);
        assertThat(Collections.indexOf(stored, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF})).isEqualTo(-1);
        assertThat(cipher.decrypt(photo, "image", stored)).isEqualTo(image);
    }

    @Test
    void aBlobMovedToAnotherPhotoOrTamperedWithIsRefused() {
        PhotoCipher cipher = new PhotoCipher(new PhotoKey(null, dataDir).key());
        UUID photo = UUID.randomUUID();
        byte[] stored = cipher.encrypt(photo, "image", new byte[] {1, 2, 3});
        assertThatThrownBy(() -> cipher.decrypt(UUID.randomUUID(), "image", stored)).isInstanceOf(IllegalStateException.class);
        stored[stored.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(photo, "image", stored)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theGeneratedKeyIsKeptOwnerOnlyAndReused() throws Exception {
        byte[] first = new PhotoKey(null, dataDir).key().getEncoded();
        Path file = dataDir.resolve(PhotoKey.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new PhotoKey(null, dataDir).key().getEncoded()).isEqualTo(first);
    }

    @Test
    void theEnvironmentKeyWinsAndMustBe32Bytes() {
        byte[] raw = new byte[32];
        raw[0] = 7;
        assertThat(new PhotoKey(Base64.getEncoder().encodeToString(raw), dataDir).key().getEncoded()).isEqualTo(raw);
        assertThat(Files.exists(dataDir.resolve(PhotoKey.FILE_NAME))).isFalse();
        assertThatThrownBy(() -> new PhotoKey(Base64.getEncoder().encodeToString(new byte[16]), dataDir))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Where a byte sequence occurs in another (-1 when nowhere). */
    static final class Collections {
        static int indexOf(byte[] hay, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= hay.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (hay[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
