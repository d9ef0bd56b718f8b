package com.clearskin.platform;

/** The caller may see the thing but their role may not do this to it. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
