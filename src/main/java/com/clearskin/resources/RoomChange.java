package com.clearskin.resources;

import java.util.List;

/** The command to add or replace a room; {@code active} defaults to true. */
public record RoomChange(String name, List<String> capabilities, Boolean active) {
}
