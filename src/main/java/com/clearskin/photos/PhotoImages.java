package com.clearskin.photos;

import com.clearskin.platform.InvalidInputException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Reads an uploaded photo safely and writes it back without metadata: the format from its content
 * (JPEG, PNG or WebP, the last through TwelveMonkeys' reader), the dimensions from its header before anything
 * is decoded (over {@link #MAX_PIXELS} is refused), a truncated or corrupt file refused, the EXIF
 * orientation applied, then re-encoded as a JPEG that carries nothing but pixels.
 */
final class PhotoImages {

    static final long MAX_PIXELS = 50_000_000L;
    static final int THUMBNAIL_SIDE = 320;
    private static final Set<String> SUPPORTED = Set.of("jpeg", "png", "webp");

    private PhotoImages() {
    }

    /** The upload decoded and turned upright (3-byte RGB, no alpha). */
    static BufferedImage read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "is required: a JPEG, PNG or WebP photo");
        }
        BufferedImage decoded = decode(bytes);
        return upright(decoded, isJpeg(bytes) ? ExifOrientation.of(bytes) : 1);
    }

    /** The pixels decoded after the header's dimensions are checked; warnings (a truncated file) refuse it. */
    static BufferedImage decode(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidInputException("file", "is not an image: send a JPEG, PNG or WebP photo");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!SUPPORTED.contains(format)) {
                    throw new InvalidInputException("file", "is a " + format.toUpperCase(Locale.ROOT)
                            + " image, which is not supported: send a JPEG, PNG or WebP");
                }
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > MAX_PIXELS) {
                    throw new PhotoTooLargeException("is " + width + " x " + height + " pixels; at most " + MAX_PIXELS / 1_000_000
                            + " megapixels are accepted");
                }
                AtomicBoolean warned = new AtomicBoolean();
                reader.addIIOReadWarningListener((source, warning) -> warned.set(true));
                BufferedImage image = reader.read(0);
                if (warned.get() || image == null) {
                    throw new InvalidInputException("file", "is truncated or corrupt: send the whole photo again");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException || e instanceof PhotoTooLargeException) {
                throw (RuntimeException) e;
            }
            throw new InvalidInputException("file", "is truncated or corrupt: send the whole photo again");
        }
    }

    /** The image turned by its EXIF orientation (1..8) into a fresh RGB image. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5 && orientation <= 8;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> {
                t.scale(-1, 1);
                t.translate(-w, 0);
            }
            case 3 -> {
                t.translate(w, h);
                t.rotate(Math.PI);
            }
            case 4 -> {
                t.scale(1, -1);
                t.translate(0, -h);
            }
            case 5 -> {
                t.rotate(-Math.PI / 2);
                t.scale(-1, 1);
            }
            case 6 -> {
                t.translate(h, 0);
                t.rotate(Math.PI / 2);
            }
            case 7 -> {
                t.scale(-1, 1);
                t.translate(-h, 0);
                t.translate(0, w);
                t.rotate(3 * Math.PI / 2);
            }
            case 8 -> {
                t.translate(0, w);
                t.rotate(3 * Math.PI / 2);
            }
            default -> {
            }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A JPEG of the pixels only (ImageIO writes a bare JFIF header: no EXIF, GPS or serial). */
    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The image scaled so that its longer side is at most {@code side} pixels. */
    static BufferedImage scaled(BufferedImage image, int side) {
        double f = Math.min(1.0, side / (double) Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * f));
        int h = Math.max(1, (int) Math.round(image.getHeight() * f));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8;
    }
}
