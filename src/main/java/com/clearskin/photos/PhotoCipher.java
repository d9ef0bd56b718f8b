package com.clearskin.photos;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM with a random 96-bit nonce per blob, stored in front of the ciphertext; the photo's id and
 * the blob's kind are authenticated data, so a blob cannot be moved to another photo unnoticed.
 */
final class PhotoCipher {

    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKey key;

    PhotoCipher(SecretKey key) {
        this.key = key;
    }

    byte[] encrypt(UUID owner, String kind, byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(aad(owner, kind));
            byte[] sealed = c.doFinal(plain);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a photo", e);
        }
    }

    byte[] decrypt(UUID owner, String kind, byte[] stored) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Arrays.copyOf(stored, NONCE)));
            c.updateAAD(aad(owner, kind));
            return c.doFinal(stored, NONCE, stored.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a photo: wrong CLEARSKIN_DATA_KEY or data-key?", e);
        }
    }

    private static byte[] aad(UUID owner, String kind) {
        return (owner + "/" + kind).getBytes(StandardCharsets.UTF_8);
    }
}
