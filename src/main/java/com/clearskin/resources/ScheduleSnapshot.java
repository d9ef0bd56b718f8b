package com.clearskin.resources;

import java.util.List;

/**
 * Everything the availability search needs about one clinic: hours, practitioners, rooms and
 * devices with their busy times. Busy times only matter where they touch the searched window, so
 * a snapshot loaded for a window holds just those.
 */
public record ScheduleSnapshot(ClinicHours hours, List<PractitionerCalendar> practitioners, List<RoomCalendar> rooms,
        List<DeviceCalendar> devices) {

    public ScheduleSnapshot {
        practitioners = List.copyOf(practitioners);
        rooms = List.copyOf(rooms);
        devices = List.copyOf(devices);
    }
}
