package com.clearskin.booking;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Role;
import com.clearskin.clients.Client;
import com.clearskin.clients.ClientAccounts;
import com.clearskin.clients.Clients;
import com.clearskin.clients.NewClient;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.PractitionerChange;
import com.clearskin.resources.PractitionerDetails;
import com.clearskin.resources.RoomChange;
import com.clearskin.resources.RoomDetails;
import com.clearskin.resources.WeeklyHours;
import com.clearskin.support.TestClinics.TestClinic;
import com.clearskin.support.TestClinics;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A fresh test clinic that can take bookings: one esthetician on shift every day the clinic opens,
 * one facial room, a client record linked to the clinic's client account, and another client.
 */
@Component
public class BookableClinics {

    /** The clinic, its practitioner and room, and its two clients (the first is the client account's own). */
    public record Bookable(TestClinic clinic, PractitionerDetails practitioner, RoomDetails room, Client own,
            Client other) {
        public String slug() {
            return clinic.slug();
        }

        /** A Tuesday at least a week ahead in the clinic's zone: open 09:00-18:00 by default. */
        public LocalDate tuesday() {
            return LocalDate.now(clinic.clinic().timeZone()).plusDays(7).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        }
    }

    private final TestClinics testClinics;
    private final ClinicResources resources;
    private final Clients clients;
    private final ClientAccounts clientAccounts;
    private final Accounts accounts;
    @org.springframework.beans.factory.annotation.Autowired
    com.clearskin.support.TestIntakes intakes;

    BookableClinics(TestClinics testClinics, ClinicResources resources, Clients clients, ClientAccounts clientAccounts,
            Accounts accounts) {
        this.testClinics = testClinics;
        this.resources = resources;
        this.clients = clients;
        this.clientAccounts = clientAccounts;
        this.accounts = accounts;
    }

    public Bookable open() {
        TestClinic clinic = testClinics.open();
        List<WeeklyHours> shifts = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            shifts.add(new WeeklyHours(day.name().toLowerCase(Locale.ROOT), "09:00", "18:00"));
        }
        PractitionerDetails ella = resources.addPractitioner(clinic.clinic(),
                new PractitionerChange("Ella Esthetician", "esthetician", null, true, shifts, List.of()));
        RoomDetails room = resources.addRoom(clinic.clinic(), new RoomChange("Garden room", List.of("facial-bed"), true));
        Client own = clients.create(clinic.clinic(), new NewClient("Chloe", "Client", "chloe@example.com", "", "1990-01-01"));
        Client other = clients.create(clinic.clinic(), new NewClient("Maya", "Lopez", "", "", "1988-03-04"));
        clientAccounts.link(clinic.clinic(), own.id(), accounts.findByEmail(clinic.email(Role.CLIENT)).orElseThrow());
        intakes.recordHealthy(clinic.clinic(), own);
        intakes.recordHealthy(clinic.clinic(), other);
        return new Bookable(clinic, ella, room, own, other);
    }

    public static String password() {
        return TestClinics.PASSWORD;
    }
}
