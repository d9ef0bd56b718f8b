package com.clearskin.resources;

/** The command to add or replace a device unit; {@code active} defaults to true. */
public record DeviceChange(String name, String type, Boolean active) {
}
