package com.clearskin.photos.analysis;

/**
 * One pore found: its centre and equivalent-circle diameter in pixels of the analysed image, and its
 * depth (contrast against the surrounding skin, 0..1).
 */
public record Pore(double x, double y, double diameterPx, double contrast) {
}
