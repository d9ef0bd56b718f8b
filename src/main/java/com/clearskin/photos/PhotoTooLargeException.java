package com.clearskin.photos;

import com.clearskin.platform.ContentTooLargeException;

/** A photo whose header claims more pixels than accepted (a decompression bomb, too): 413 naming {@code file}. */
public class PhotoTooLargeException extends ContentTooLargeException {

    PhotoTooLargeException(String reason) {
        super("file", reason);
    }
}
