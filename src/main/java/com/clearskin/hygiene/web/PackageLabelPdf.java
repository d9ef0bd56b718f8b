package com.clearskin.hygiene.web;

import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.alg.fiducial.qrcode.QrCodeEncoder;
import boofcv.alg.fiducial.qrcode.QrCodeGeneratorImage;
import boofcv.struct.image.GrayU8;
import com.clearskin.clinics.Clinic;
import com.clearskin.hygiene.Hygiene;
import com.clearskin.platform.PdfTemplates;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A package's printable label: the code as a QR code (BoofCV) and in large letters, the day and
 * cycle it was sterilized on, the sterilizer and the expiry, sized for a 62 mm label printer.
 */
final class PackageLabelPdf {

    private static final PdfTemplates TEMPLATES = new PdfTemplates("templates/hygiene/pdf/");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private PackageLabelPdf() {
    }

    static byte[] render(Clinic clinic, Hygiene.PackageStatus p, String sterilizer, String set) {
        return TEMPLATES.render("label", Map.of(
                "clinic", clinic,
                "code", p.code(),
                "qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(qrPng(p.code())),
                "sterilized", DAY.format(p.cycleStartedAt().atZone(clinic.timeZone())),
                "cycle", p.cycleId().toString().substring(0, 8),
                "cycleStatus", p.cycleStatus(),
                "sterilizer", sterilizer,
                "set", set,
                "expires", p.expires() == null ? "Event-related: sterile until opened, torn, wet or dropped"
                        : EXPIRES.format(p.expires())));
    }

    /** The code as a QR code image (PNG), black on white with the standard quiet zone. */
    static byte[] qrPng(String code) {
        QrCode qr = new QrCodeEncoder().setError(QrCode.ErrorLevel.M).addAutomatic(code).fixate();
        QrCodeGeneratorImage generator = new QrCodeGeneratorImage(8);
        generator.setBorderModule(4);
        generator.render(qr);
        GrayU8 gray = generator.getGray();
        BufferedImage image = new BufferedImage(gray.width, gray.height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < gray.height; y++) {
            for (int x = 0; x < gray.width; x++) {
                int v = gray.get(x, y);
                image.getRaster().setSample(x, y, 0, v);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
