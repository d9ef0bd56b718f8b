package com.clearskin.photos;

/**
 * The EXIF orientation (tag 0x0112 of IFD0 in a JPEG's APP1 "Exif" segment), read from the bytes
 * without decoding anything: 1 (upright) when absent or unreadable.
 */
final class ExifOrientation {

    private ExifOrientation() {
    }

    static int of(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xff) == 0xff) {
            int marker = b[i + 1] & 0xff;
            int length = u16(b, i + 2, false);
            if (marker == 0xda || marker == 0xd9 || length < 2) {
                return 1;
            }
            if (marker == 0xe1 && i + 10 <= b.length && b[i + 4] == 'E' && b[i + 5] == 'x' && b[i + 6] == 'i'
                    && b[i + 7] == 'f') {
                return fromTiff(b, i + 10, Math.min(b.length, i + 2 + length));
            }
            i += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int start, int end) {
        if (start + 8 > end) {
            return 1;
        }
        boolean little = b[start] == 'I';
        int ifd = start + (int) u32(b, start + 4, little);
        if (ifd + 2 > end || ifd < start) {
            return 1;
        }
        int entries = u16(b, ifd, little);
        for (int e = 0; e < entries; e++) {
            int at = ifd + 2 + e * 12;
            if (at + 12 > end) {
                return 1;
            }
            if (u16(b, at, little) == 0x0112) {
                int value = u16(b, at + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int a = b[at] & 0xff;
        int c = b[at + 1] & 0xff;
        return little ? a | c << 8 : a << 8 | c;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long hi = u16(b, at, little);
        long lo = u16(b, at + 2, little);
        return little ? hi | lo << 16 : hi << 16 | lo;
    }
}
