package com.clearskin.directory;

/** Distances between two points on the Earth by the haversine (great-circle) formula; no map service needed. */
public final class GreatCircle {

    /** Mean Earth radius in kilometres (IUGG). */
    static final double EARTH_RADIUS_KM = 6371.0088;

    private GreatCircle() {
    }

    /** Great-circle distance in kilometres between two latitude/longitude points given in degrees. */
    public static double distanceKm(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }
}
