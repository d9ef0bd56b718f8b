package com.clearskin.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clearskin.platform.InvalidInputException;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The upload and progress rules in plain Java: orientation, the pixel limit, the change in percent. */
class PhotoRulesTest {

    @Test
    void theChartForAPdfIsAPngWithADotPerMeasurementInTheLineColour() throws Exception {
        ZoneId paris = ZoneId.of("Europe/Paris");
        List<Photos.Point> series = List.of(
                new Photos.Point(Instant.parse("2026-09-03T10:00:00Z"), UUID.randomUUID(), 120, 80.0, 0.25, 3.1),
                new Photos.Point(Instant.parse("2026-10-03T10:00:00Z"), UUID.randomUUID(), 100, 62.0, 0.22, 2.5));
        BufferedImage chart = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(ProgressChart.png(series, paris)));
        assertThat(chart.getWidth()).isEqualTo(2 * ProgressChart.WIDTH);
        assertThat(chart.getHeight()).isEqualTo(2 * ProgressChart.HEIGHT);
        int blue = 0;
        for (int y = 0; y < chart.getHeight(); y++) {
            for (int x = 0; x < chart.getWidth(); x++) {
                if ((chart.getRGB(x, y) & 0xffffff) == 0x0b5394) {
                    blue++;
                }
            }
        }
        assertThat(blue).as("the dots and the line").isGreaterThan(200);
        BufferedImage empty = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(ProgressChart.png(List.of(), paris)));
        assertThat(empty.getWidth()).isEqualTo(2 * ProgressChart.WIDTH);
    }

    @Test
    void theExifOrientationIsReadFromTheApp1SegmentAndIsUprightWithoutOne() throws Exception {
        byte[] plain = PhotoApiIT.skinJpeg(1);
        assertThat(ExifOrientation.of(plain)).isEqualTo(1);
        assertThat(ExifOrientation.of(PhotoApiIT.withExif(plain, 6))).isEqualTo(6);
        assertThat(ExifOrientation.of(PhotoApiIT.withExif(plain, 3))).isEqualTo(3);
        assertThat(ExifOrientation.of(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})).isEqualTo(1);
    }

    @Test
    void aQuarterTurnSwapsTheSidesAndAHalfTurnKeepsThem() {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
        img.setRGB(0, 0, 0xff0000);
        BufferedImage turned = PhotoImages.upright(img, 6);
        assertThat(turned.getWidth()).isEqualTo(30);
        assertThat(turned.getHeight()).isEqualTo(40);
        // orientation 6: the top-left pixel ends at the top right
        assertThat(turned.getRGB(29, 0) & 0xffffff).isEqualTo(0xff0000);
        BufferedImage half = PhotoImages.upright(img, 3);
        assertThat(half.getWidth()).isEqualTo(40);
        assertThat(half.getRGB(39, 29) & 0xffffff).isEqualTo(0xff0000);
    }

    @Test
    void aHeaderClaimingTooManyPixelsIsRefusedBeforeDecoding() {
        assertThatThrownBy(() -> PhotoImages.read(PhotoApiIT.pngClaiming(10_000, 5_001)))
                .isInstanceOf(PhotoTooLargeException.class);
        assertThatThrownBy(() -> PhotoImages.read(new byte[] {1, 2, 3})).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theChangeIsLastAgainstFirstInPercentAndNullWithoutTwoFigures() {
        assertThat(ProgressChart.percent(50.0, 39.0)).isEqualTo(-22.0);
        assertThat(ProgressChart.percent(null, 39.0)).isNull();
        assertThat(ProgressChart.percent(0.0, 39.0)).isNull();
        Photos.Point a = new Photos.Point(Instant.parse("2026-09-03T10:00:00Z"), UUID.randomUUID(), 10, 50.0, 0.2, 1);
        Photos.Point b = new Photos.Point(Instant.parse("2026-10-01T10:00:00Z"), UUID.randomUUID(), 8, 40.0, 0.18, 1);
        assertThat(ProgressChart.change(List.of(a))).isEqualTo(new ProgressChart.Change(null, null));
        assertThat(ProgressChart.change(List.of(a, b))).isEqualTo(new ProgressChart.Change(-20.0, -10.0));
        assertThat(ProgressChart.svg(List.of(a, b), ZoneId.of("Europe/Paris"))).contains("3 Sep").contains("1 Oct");
    }

    @Test
    void theProgressReadsAsASentenceTheClientUnderstands() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Photos.Point sep = new Photos.Point(Instant.parse("2026-09-03T10:00:00Z"), UUID.randomUUID(), 40, 50.0, 0.30, 2.0);
        Photos.Point nov = new Photos.Point(Instant.parse("2026-11-26T10:00:00Z"), UUID.randomUUID(), 31, 39.0, 0.27, 1.5);
        assertThat(ProgressChart.sentence(List.of(sep, nov), 3, paris)).isEqualTo("Pore density down 22 % since 3 Sep, after 3 sessions.");
        assertThat(ProgressChart.sentence(List.of(nov, sep), 1, paris)).isEqualTo("Pore density up 28 % since 26 Nov, after 1 session.");
        Photos.Point uncalibrated = new Photos.Point(nov.takenAt(), nov.photoId(), 40, null, null, 1.5);
        assertThat(ProgressChart.sentence(List.of(sep, uncalibrated), 0, paris)).isEqualTo("Pores counted about the same since 3 Sep.");
        assertThat(ProgressChart.sentence(List.of(sep), 0, paris)).isNull();
    }
}
