package com.clearskin.platform;

/** An upload larger than accepted (bytes, or pixels a header claims): 413 naming {@code field}. */
public class ContentTooLargeException extends RuntimeException {

    private final String field;

    public ContentTooLargeException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
