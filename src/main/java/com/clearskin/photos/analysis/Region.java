package com.clearskin.photos.analysis;

/** A rectangle of a photo, in pixels of the (orientation-corrected) image. */
public record Region(int x, int y, int width, int height) {

    /** Whether the region lies wholly inside an image of the given size and is not empty. */
    public boolean fitsInside(int imageWidth, int imageHeight) {
        return x >= 0 && y >= 0 && width > 0 && height > 0
                && (long) x + width <= imageWidth && (long) y + height <= imageHeight;
    }
}
