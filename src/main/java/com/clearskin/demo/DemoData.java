package com.clearskin.demo;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Role;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.clinics.NewClinic;
import com.clearskin.platform.DatabaseSettings;
import java.security.SecureRandom;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two demo clinics for the embedded default, so that a newcomer can sign in at once and see that
 * one clinic never sees the other's data. Never on an external database, never in the prod profile.
 */
@Component
@Profile("!prod")
class DemoData implements SmartInitializingSingleton {

    record Person(String email, String name, Role role) {
    }

    static final List<Person> DEMO_PEOPLE = List.of(
            new Person("owner@demo.test", "Olivia Owner", Role.OWNER),
            new Person("admin@demo.test", "Adam Admin", Role.ADMIN),
            new Person("esthetician@demo.test", "Esme Esthetician", Role.PRACTITIONER),
            new Person("nurse@demo.test", "Nadia Nurse", Role.PRACTITIONER),
            new Person("frontdesk@demo.test", "Frank Frontdesk", Role.FRONT_DESK),
            new Person("client1@demo.test", "Chloe Client", Role.CLIENT),
            new Person("client2@demo.test", "Carlos Client", Role.CLIENT));

    static final List<Person> SECOND_PEOPLE = List.of(
            new Person("owner@second.test", "Sam Second", Role.OWNER),
            new Person("practitioner@second.test", "Priya Practitioner", Role.PRACTITIONER),
            new Person("client@second.test", "Casey Client", Role.CLIENT));

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final DemoSettings settings;
    private final DatabaseSettings database;
    private final Clinics clinics;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DemoData(DemoSettings settings, DatabaseSettings database, Clinics clinics, Accounts accounts, JdbcClient jdbc,
            TransactionTemplate transactions) {
        this.settings = settings;
        this.database = database;
        this.clinics = clinics;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Runs once every bean is ready and before the web server opens, so the first visitor can sign in. */
    @Override
    public void afterSingletonsInstantiated() {
        if (!settings.enabled() || !database.embedded()) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('clearskin-demo-data'))").query().singleRow();
            if (clinics.bySlug("demo").isPresent()) {
                return;
            }
            boolean generated = settings.password() == null || settings.password().isBlank();
            String password = generated ? generatePassword() : settings.password();
            Clinic demo = clinics.open(new NewClinic("demo", "Clearskin Demo Clinic", "America/Los_Angeles", "USD", "US-CA"));
            Clinic second = clinics.open(new NewClinic("second", "Second Street Skin", "America/Chicago", "USD", "US-TX"));
            DEMO_PEOPLE.forEach(p -> join(demo, p, password));
            SECOND_PEOPLE.forEach(p -> join(second, p, password));
            announce(password, generated);
        });
    }

    private void join(Clinic clinic, Person person, String password) {
        var id = accounts.findByEmail(person.email())
                .orElseGet(() -> accounts.register(person.email(), person.name(), password));
        accounts.addMember(clinic.id(), id, person.role());
    }

    private static void announce(String password, boolean generated) {
        String origin = generated ? "generated for this data directory; it is shown only this once"
                : "from CLEARSKIN_DEMO_PASSWORD";
        System.out.println();
        System.out.println("  Demo clinics 'demo' and 'second' were created.");
        System.out.println("  Sign in as owner@demo.test or owner@second.test (and the staff listed in README.md)");
        System.out.println("  with the password: " + password + "   (" + origin + ")");
        System.out.println();
        log.info("Demo clinics created");
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
