package com.clearskin.platform;

/** The caller could not be identified (wrong credentials, a dead token). */
public class UnauthenticatedException extends RuntimeException {

    public UnauthenticatedException(String message) {
        super(message);
    }
}
