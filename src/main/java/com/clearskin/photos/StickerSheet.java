package com.clearskin.photos;

import com.clearskin.photos.analysis.CalibrationSticker;
import com.clearskin.platform.PdfTemplates;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The printable sheet of calibration stickers: A4, a 50 mm check bar, and cards of
 * {@link CalibrationSticker#CARD_MM} mm with a black square of {@link CalibrationSticker#SQUARE_MM} mm,
 * the sizes the detector looks for.
 */
public final class StickerSheet {

    static final double CHECK_BAR_MM = 50;
    static final int ROWS = 7;
    static final int COLUMNS = 7;
    private static final PdfTemplates TEMPLATES = new PdfTemplates("templates/photos/pdf/");

    private StickerSheet() {
    }

    public static byte[] pdf() {
        List<Integer> rows = IntStream.range(0, ROWS).boxed().toList();
        List<Integer> cols = IntStream.range(0, COLUMNS).boxed().toList();
        return TEMPLATES.render("stickers", Map.of("squareMm", mm(CalibrationSticker.SQUARE_MM),
                "cardMm", mm(CalibrationSticker.CARD_MM), "barMm", mm(CHECK_BAR_MM), "rows", rows, "cols", cols));
    }

    private static String mm(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
