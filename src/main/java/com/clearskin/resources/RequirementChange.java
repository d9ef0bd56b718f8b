package com.clearskin.resources;

import java.util.List;

/** The command to replace what a treatment needs to be booked. */
public record RequirementChange(Boolean bookable, List<String> roomCapabilities, List<String> deviceTypes,
        Integer bufferBeforeMinutes, Integer bufferAfterMinutes) {
}
