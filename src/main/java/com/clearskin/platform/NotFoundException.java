package com.clearskin.platform;

/** Something asked for does not exist, or is not the caller's to see: both answer 404 alike. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
