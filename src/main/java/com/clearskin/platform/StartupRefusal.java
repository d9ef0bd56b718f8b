package com.clearskin.platform;

/** Thrown when Clearskin must not start; its message is the one line the operator reads. */
public class StartupRefusal extends RuntimeException {

    public StartupRefusal(String message, Throwable cause) {
        super(message, cause);
    }
}
