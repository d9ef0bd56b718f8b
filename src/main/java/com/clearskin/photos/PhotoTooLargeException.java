package com.clearskin.photos;

/** A photo whose header claims more pixels than accepted (a decompression bomb, too): 413 naming {@code file}. */
public class PhotoTooLargeException extends RuntimeException {

    PhotoTooLargeException(String reason) {
        super(reason);
    }

    public String field() {
        return "file";
    }
}
