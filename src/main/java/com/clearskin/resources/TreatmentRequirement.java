package com.clearskin.resources;

import java.util.List;

/**
 * What booking one of the clinic's treatments needs: whether it is booked at all, what the room
 * must offer, one unit of each device type, and the buffers before and after that hold the
 * practitioner, the room and the devices. {@code sources} says where the values come from
 * ("clinic" once the clinic changed them); {@code note} explains the default.
 */
public record TreatmentRequirement(String treatment, String name, boolean bookable, List<String> roomCapabilities,
        List<String> deviceTypes, int bufferBeforeMinutes, int bufferAfterMinutes, List<String> sources, String note,
        int revision) {
}
