package com.clearskin.branding;

import com.clearskin.platform.InvalidInputException;

/** A picture's type from its first bytes (PNG, JPEG, WebP): what the sender claims is not believed. */
final class PictureType {

    private PictureType() {
    }

    static String detect(byte[] bytes, String field) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException(field, "is required: a PNG, JPEG or WebP picture");
        }
        if (bytes.length > ClinicProfiles.MAX_PICTURE_BYTES) {
            throw new InvalidInputException(field, "must be at most 2 MB");
        }
        if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return "image/png";
        }
        if (starts(bytes, 0xff, 0xd8, 0xff)) {
            return "image/jpeg";
        }
        if (bytes.length >= 12 && starts(bytes, 'R', 'I', 'F', 'F') && bytes[8] == 'W' && bytes[9] == 'E'
                && bytes[10] == 'B' && bytes[11] == 'P') {
            return "image/webp";
        }
        throw new InvalidInputException(field, "must be a PNG, JPEG or WebP picture");
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
