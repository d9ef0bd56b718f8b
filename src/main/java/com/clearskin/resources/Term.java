package com.clearskin.resources;

/** One word of a vocabulary kept as data: a room capability or a device type. */
public record Term(String code, String label) {
}
