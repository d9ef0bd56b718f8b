package com.clearskin.platform;

/** The request collides with the current state (a stale revision, a taken slot). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
