package com.clearskin.photos;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.photos.analysis.CalibrationSticker;
import java.awt.image.BufferedImage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The printed sheet is what the detector looks for: A4, squares of exactly 10 mm, a 50 mm check bar. */
class StickerSheetTest {

    static final float DPI = 254; // 10 pixels per millimetre

    @Test
    void theSheetIsOneA4PageWithSquaresOfTheDetectorsSizeAndTheCheckBar() throws Exception {
        try (PDDocument doc = Loader.loadPDF(StickerSheet.pdf())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDRectangle a4 = doc.getPage(0).getMediaBox();
            assertThat(a4.getWidth() / 72 * 25.4).isCloseTo(210, org.assertj.core.data.Offset.offset(0.5));
            assertThat(a4.getHeight() / 72 * 25.4).isCloseTo(297, org.assertj.core.data.Offset.offset(0.5));
            assertThat(new PDFTextStripper().getText(doc)).contains("actual size (100 %)").contains("50 mm");

            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, DPI, ImageType.GRAY);
            java.util.List<Integer> runs = blackRuns(page);
            long squares = runs.stream().filter(r -> Math.abs(r - CalibrationSticker.SQUARE_MM * 10) <= 2).count();
            assertThat(squares).as("rows of squares crossed, each 10 mm wide").isGreaterThanOrEqualTo(7 * 7);
            assertThat(runs).as("the 50 mm check bar").anyMatch(r -> Math.abs(r - StickerSheet.CHECK_BAR_MM * 10) <= 2);
        }
    }

    /** Lengths of horizontal black runs on the lines through the middle of each black block. */
    static java.util.List<Integer> blackRuns(BufferedImage page) {
        java.util.List<Integer> runs = new java.util.ArrayList<>();
        var raster = page.getRaster();
        for (int y = 0; y < page.getHeight(); y += 25) {
            int run = 0;
            for (int x = 0; x < page.getWidth(); x++) {
                if (raster.getSample(x, y, 0) < 64) {
                    run++;
                } else {
                    if (run > 20) {
                        runs.add(run);
                    }
                    run = 0;
                }
            }
        }
        return runs;
    }
}
