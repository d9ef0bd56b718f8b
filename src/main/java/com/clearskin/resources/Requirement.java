package com.clearskin.resources;

import com.clearskin.catalog.Performer;
import java.util.List;
import java.util.Set;

/**
 * What one booking of a treatment needs: how long it takes, the buffers before (setup) and after
 * (cleaning, sterilisation) that hold the practitioner, the room and the devices too, who may
 * perform it, what the room must offer, and one unit of each device type.
 */
public record Requirement(String treatment, int durationMinutes, int bufferBeforeMinutes, int bufferAfterMinutes,
        Set<Performer> performers, Set<String> roomCapabilities, List<String> deviceTypes) {

    public Requirement {
        if (durationMinutes < 1 || durationMinutes > 720) {
            throw new IllegalArgumentException("durationMinutes must be 1-720: " + durationMinutes);
        }
        if (bufferBeforeMinutes < 0 || bufferAfterMinutes < 0) {
            throw new IllegalArgumentException("buffers must not be negative");
        }
        performers = Set.copyOf(performers);
        roomCapabilities = Set.copyOf(roomCapabilities);
        deviceTypes = List.copyOf(deviceTypes.stream().distinct().toList());
    }

    /** Minutes the resources are held: buffers and the treatment. */
    public int blockedMinutes() {
        return bufferBeforeMinutes + durationMinutes + bufferAfterMinutes;
    }
}
