package com.clearskin.hygiene.web;

import static org.assertj.core.api.Assertions.assertThat;

import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.alg.fiducial.qrcode.QrCode;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.io.image.ConvertBufferedImage;
import boofcv.struct.image.GrayU8;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The label's QR code reads back as the package code (a phone's scanner sees what the label says). */
class PackageLabelQrTest {

    @Test
    void theQrCodeReadsBackAsThePackageCode() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(PackageLabelPdf.qrPng("K7M2XQ9P")));
        GrayU8 gray = ConvertBufferedImage.convertFrom(image, (GrayU8) null);
        QrCodeDetector<GrayU8> detector = FactoryFiducial.qrcode(null, GrayU8.class);
        detector.process(gray);
        List<QrCode> found = detector.getDetections();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).message).isEqualTo("K7M2XQ9P");
    }
}
