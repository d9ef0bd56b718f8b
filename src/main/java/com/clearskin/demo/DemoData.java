package com.clearskin.demo;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Role;
import com.clearskin.assessment.MedicalFlag;
import com.clearskin.clients.Client;
import com.clearskin.clients.ClientAssessments;
import com.clearskin.clients.Clients;
import com.clearskin.clients.NewClient;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.clinics.NewClinic;
import com.clearskin.platform.DatabaseSettings;
import com.clearskin.resources.ClinicResources;
import com.clearskin.resources.ClinicSchedule;
import com.clearskin.resources.DeviceChange;
import com.clearskin.resources.PractitionerChange;
import com.clearskin.resources.RoomChange;
import com.clearskin.resources.ScheduleChange;
import com.clearskin.resources.WeeklyHours;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two demo clinics for the embedded default, with staff, clients and their assessments, so that a
 * newcomer can sign in at once and see that one clinic never sees the other's data. Never on an
 * external database, never in the prod profile.
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
            new Person("physician@demo.test", "Dr. Paul Physician", Role.PRACTITIONER),
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
    private final Clients clients;
    private final ClientAssessments assessments;
    private final JsonMapper json;
    private final Clock clock;

    DemoData(DemoSettings settings, DatabaseSettings database, Clinics clinics, Accounts accounts, JdbcClient jdbc,
            TransactionTemplate transactions, Clients clients, ClientAssessments assessments, JsonMapper json,
            Clock clock) {
        this.settings = settings;
        this.database = database;
        this.clinics = clinics;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clients = clients;
        this.assessments = assessments;
        this.json = json;
        this.clock = clock;
    }

    /** Runs once every bean is ready and before the web server opens, so the first visitor can sign in. */
    @Override
    public void afterSingletonsInstantiated() {
        if (!settings.enabled() || !database.embedded()) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('clearskin-demo-data'))").query().singleRow();
            if (clinics.bySlug("demo").isEmpty()) {
                boolean generated = settings.password() == null || settings.password().isBlank();
                String password = generated ? generatePassword() : settings.password();
                Clinic demo = clinics.open(new NewClinic("demo", "Clearskin Demo Clinic", "America/Los_Angeles", "USD", "US-CA"));
                Clinic second = clinics.open(new NewClinic("second", "Second Street Skin", "America/Chicago", "USD", "US-TX"));
                DEMO_PEOPLE.forEach(p -> join(demo, p, password));
                SECOND_PEOPLE.forEach(p -> join(second, p, password));
                announce(password, generated);
            }
            Clinic demo = clinics.requireBySlug("demo");
            if (clients.list(demo, null).isEmpty()) { // also for demo data made before clients existed
                addClients(demo, clinics.requireBySlug("second"));
            }
            addResources(demo, clinics.requireBySlug("second"));
            assignPractitioners(demo, clinics.requireBySlug("second"));
            linkClientAccounts(demo, clinics.requireBySlug("second"));
            addMedicalDirector(demo);
            if (demoHygiene != null) {
                accounts.findByEmail("nurse@demo.test").ifPresent(nurse -> demoHygiene.addOnce(demo, nurse));
                accounts.findByEmail("practitioner@second.test")
                        .ifPresent(p -> demoHygiene.addOnce(clinics.requireBySlug("second"), p));
            }
            addLicences(demo, clinics.requireBySlug("second"));
            listInDirectory(demo, clinics.requireBySlug("second"));
            accounts.findByEmail("owner@demo.test").ifPresent(owner -> demoVisits.addOnce(demo, DemoVisits.DEMO, owner));
            accounts.findByEmail("owner@second.test").ifPresent(owner -> demoVisits.addOnce(clinics.requireBySlug("second"),
                    DemoVisits.SECOND, owner));
        });
    }

    private DemoVisits demoVisits;

    @Autowired
    void useDemoVisits(DemoVisits demoVisits) {
        this.demoVisits = demoVisits;
    }

    private com.clearskin.directory.DirectoryListings listings;

    @Autowired
    void useListings(com.clearskin.directory.DirectoryListings listings) {
        this.listings = listings;
    }

    /**
     * Both demo clinics are in the public directory (/clinics), with an address and coordinates;
     * a listing the clinic changed stays as it is.
     */
    private void listInDirectory(Clinic demo, Clinic second) {
        if (listings.of(demo).revision() == 0) {
            listings.set(demo, true, "1200 Valencia Street", "San Francisco", 37.7527, -122.4206, null, 0);
        }
        if (listings.of(second).revision() == 0) {
            listings.set(second, true, "200 Second Street", "Austin", 30.2649, -97.7466, null, 0);
        }
    }


    private DemoHygiene demoHygiene;

    @Autowired
    void useDemoHygiene(DemoHygiene demoHygiene) {
        this.demoHygiene = demoHygiene;
    }

    private com.clearskin.licences.Licences licences;
    private com.clearskin.accounts.PlatformAccess platform;

    @Autowired
    void useLicences(com.clearskin.licences.Licences licences, com.clearskin.accounts.PlatformAccess platform) {
        this.licences = licences;
        this.platform = platform;
    }

    /**
     * The Clearskin licence reviewer (reviewer@clearskin.test, a platform role, no clinic), and the
     * demo practitioners' licences: verified ones, one of them (the nurse's) expiring in three weeks,
     * and the second clinic's waiting for review. Added once, to demo data made before licences too.
     */
    private void addLicences(Clinic demo, Clinic second) {
        UUID reviewer = accounts.findByEmail(REVIEWER.email()).orElse(null);
        if (reviewer == null) {
            boolean generated = settings.password() == null || settings.password().isBlank();
            String password = generated ? generatePassword() : settings.password();
            reviewer = accounts.register(REVIEWER.email(), REVIEWER.name(), password);
            if (generated) {
                System.out.println();
                System.out.println("  Demo account " + REVIEWER.email() + " (the Clearskin licence reviewer) was added, with "
                        + "the password: " + password + "   (generated; shown only this once)");
                System.out.println();
            }
        }
        platform.grant(reviewer, com.clearskin.accounts.PlatformRole.LICENCE_REVIEWER);
        if (!licences.forClinic(demo).isEmpty() || !licences.forClinic(second).isEmpty()) {
            return;
        }
        java.time.LocalDate today = licences.today(demo);
        UUID owner = accounts.findByEmail("owner@demo.test").orElseThrow();
        var reviewerAccount = accounts.byId(reviewer).orElseThrow();
        for (var p : resources.practitioners(demo)) {
            String[] licence = switch (p.qualification()) {
                case "esthetician" -> new String[] {"esthetician", "Z 48213", today.plusYears(2).toString()};
                case "nurse" -> new String[] {"nurse", "RN 95512", today.plusDays(21).toString()};
                default -> new String[] {"physician", "A 154321", today.plusYears(3).toString()};
            };
            var added = licences.add(new com.clearskin.accounts.Membership(demo, Role.OWNER), p.id().toString(),
                    new com.clearskin.licences.NewLicence(licence[0], licence[1], "US-CA", licence[2],
                            demoLicence(p.displayName(), licence)), owner);
            licences.decide(added.id().toString(), "verified", "Checked against the California board's register "
                    + "(demo).", reviewerAccount);
        }
        UUID secondOwner = accounts.findByEmail("owner@second.test").orElseThrow();
        for (var p : resources.practitioners(second)) {
            String[] licence = {"nurse", "RN 880123", licences.today(second).plusYears(1).toString()};
            licences.add(new com.clearskin.accounts.Membership(second, Role.OWNER), p.id().toString(),
                    new com.clearskin.licences.NewLicence(licence[0], licence[1], "US-TX", licence[2],
                            demoLicence(p.displayName(), licence)), secondOwner);
        }
    }

    static final Person REVIEWER = new Person("reviewer@clearskin.test", "Riley Reviewer", null);

    private static byte[] demoLicence(String name, String[] licence) {
        return com.clearskin.platform.PdfTemplates.pdf("<html><head><title>Licence</title></head><body>"
                + "<h1>Demo licence (not a real document)</h1><p>Holder: " + name.replace("&", "&amp;") + "</p>"
                + "<p>Type: " + licence[0] + "</p><p>Number: " + licence[1] + "</p><p>Expires: " + licence[2]
                + "</p></body></html>");
    }

    private com.clearskin.sessions.SessionSettings sessionSettings;

    @Autowired
    void useSessionSettings(com.clearskin.sessions.SessionSettings sessionSettings) {
        this.sessionSettings = sessionSettings;
    }

    /**
     * The demo clinic's physician signs in as physician@demo.test and is its medical director, who
     * co-signs the records of treatments that need medical oversight. Demo data made before this
     * existed gets the account (with CLEARSKIN_DEMO_PASSWORD, or a new password shown once), its link
     * to the physician practitioner, and the setting; what the clinic changed stays.
     */
    private void addMedicalDirector(Clinic demo) {
        Person physician = DEMO_PEOPLE.stream().filter(p -> p.email().startsWith("physician@")).findFirst().orElseThrow();
        UUID user = accounts.findByEmail(physician.email()).orElse(null);
        if (user == null) {
            boolean generated = settings.password() == null || settings.password().isBlank();
            String password = generated ? generatePassword() : settings.password();
            join(demo, physician, password);
            user = accounts.findByEmail(physician.email()).orElseThrow();
            System.out.println();
            System.out.println("  Demo account " + physician.email() + " was added, with the password: " + password
                    + (generated ? "   (generated; shown only this once)" : "   (from CLEARSKIN_DEMO_PASSWORD)"));
            System.out.println();
        }
        UUID account = user;
        if (resources.practitionerOfUser(demo, account).isEmpty()) {
            resources.practitioners(demo).stream()
                    .filter(p -> "physician".equals(p.qualification()) && p.userId() == null).findFirst()
                    .ifPresent(p -> resources.changePractitioner(demo, p.id().toString(), new PractitionerChange(
                            p.displayName(), p.qualification(), account.toString(), p.active(), p.shifts(), p.breaks())));
        }
        if (sessionSettings.medicalDirector(demo).isEmpty()) {
            resources.practitionerOfUser(demo, account).filter(p -> "physician".equals(p.qualification()))
                    .ifPresent(p -> sessionSettings.changeMedicalDirector(demo, p.id().toString()));
        }
    }

    private com.clearskin.clients.ClientAccounts clientAccounts;

    @Autowired
    void useClientAccounts(com.clearskin.clients.ClientAccounts clientAccounts) {
        this.clientAccounts = clientAccounts;
    }

    /**
     * Each demo client account gets its own client record with an intake, so that it can book online
     * and see its appointments; only where the account has none yet.
     */
    private void linkClientAccounts(Clinic demo, Clinic second) {
        List.of(java.util.Map.entry(demo, DEMO_PEOPLE), java.util.Map.entry(second, SECOND_PEOPLE)).forEach(e ->
                e.getValue().stream().filter(p -> p.role() == Role.CLIENT).forEach(p ->
                        accounts.findByEmail(p.email())
                                .filter(user -> clientAccounts.clientOf(e.getKey(), user).isEmpty())
                                .ifPresent(user -> {
                                    String[] name = p.name().split(" ", 2);
                                    Client client = clients.create(e.getKey(),
                                            new NewClient(name[0], name[1], p.email(), null, null));
                                    clientAccounts.link(e.getKey(), client.id(), user);
                                    // their own intake, filled in online, so that they may book what suits them
                                    record(e.getKey(), client, user, Instant.now(clock).minus(Duration.ofDays(1)),
                                            asOf -> """
                                            {"age": 34, "skinType": "combination", "fitzpatrick": 2,
                                             "concerns": ["blackheads", "enlarged-pores", "texture"],
                                             "bodyAreas": ["face"], "causes": ["excess-sebum"],
                                             "isotretinoinLastTaken": "never", "topicalRetinoidLastUsed": "never"}""");
                                })));
    }

    private ClinicResources resources;

    @Autowired
    void useResources(ClinicResources resources) {
        this.resources = resources;
    }

    /**
     * Opening hours, practitioners linked to the demo staff (and an unlinked physician), their shifts
     * and lunch breaks, rooms and device units, for both clinics; only where a clinic has no
     * practitioners yet (also for demo data made before scheduling existed).
     */
    private void addResources(Clinic demo, Clinic second) {
        for (Clinic clinic : List.of(demo, second)) {
            resources.setUpDefaults(clinic.id());
            if (!resources.practitioners(clinic).isEmpty()) {
                continue;
            }
            ClinicSchedule schedule = resources.schedule(clinic);
            List<WeeklyHours> open = new ArrayList<>();
            for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
                open.add(new WeeklyHours(day, "09:00", "19:00"));
            }
            open.add(new WeeklyHours("saturday", "09:00", "15:00"));
            resources.changeSchedule(clinic, new ScheduleChange(schedule.timeZone(), schedule.settings(), open));
            if (clinic.equals(demo)) {
                addPractitioner(clinic, "Esme Esthetician", "esthetician", "esthetician@demo.test",
                        List.of("monday", "tuesday", "wednesday", "thursday", "friday"), "09:00", "17:00", "12:30");
                addPractitioner(clinic, "Nadia Nurse", "nurse", "nurse@demo.test",
                        List.of("tuesday", "wednesday", "thursday", "friday"), "11:00", "19:00", "14:30");
                addPractitioner(clinic, "Dr. Paul Physician", "physician", "physician@demo.test",
                        List.of("monday", "wednesday", "friday"), "10:00", "18:00", "13:00");
            } else {
                addPractitioner(clinic, "Priya Practitioner", "nurse", "practitioner@second.test",
                        List.of("monday", "tuesday", "wednesday", "thursday", "friday"), "09:00", "17:00", "12:30");
            }
            resources.addRoom(clinic, new RoomChange("Facial room 1", List.of("facial-bed"), true));
            resources.addRoom(clinic, new RoomChange("Facial room 2", List.of("facial-bed"), true));
            resources.addRoom(clinic, new RoomChange("Body treatment room", List.of("body-treatment-bed"), true));
            resources.addRoom(clinic, new RoomChange("Laser room", List.of("laser-safe", "facial-bed"), true));
            List.of(new DeviceChange("Steamer 1", "steamer", true), new DeviceChange("Steamer 2", "steamer", true),
                    new DeviceChange("Microdermabrasion unit", "microdermabrasion-unit", true),
                    new DeviceChange("Hydradermabrasion unit", "hydradermabrasion-unit", true),
                    new DeviceChange("Microneedling pen 1", "microneedling-pen", true),
                    new DeviceChange("Microneedling pen 2", "microneedling-pen", true),
                    new DeviceChange("CO2 laser", "ablative-laser", true),
                    new DeviceChange("Fractional laser", "non-ablative-laser", true),
                    new DeviceChange("LED panel", "led-panel", true),
                    new DeviceChange("High-frequency wand", "high-frequency-device", true))
                    .forEach(d -> resources.addDevice(clinic, d));
        }
    }

    /**
     * Each demo client with an intake gets the practitioner who took their first intake as their
     * assigned practitioner (a care relationship, audited), so that the demo practitioners treat
     * some clients; only in a clinic with no assignment yet (a removal the clinic made stays removed).
     */
    private void assignPractitioners(Clinic demo, Clinic second) {
        for (Clinic clinic : List.of(demo, second)) {
            if (assignedPractitioners.anyIn(clinic)) {
                continue;
            }
            for (Client client : clients.list(clinic, null)) {
                if (assignedPractitioners.of(clinic, client.id()).isPresent()) {
                    continue;
                }
                List<com.clearskin.clients.RecordedAssessment> history = assessments.history(clinic, client);
                if (history.isEmpty()) {
                    continue;
                }
                UUID takenBy = history.get(history.size() - 1).recordedBy();
                resources.practitionerOfUser(clinic, takenBy)
                        .ifPresent(p -> assignedPractitioners.assign(clinic, client, p.id(), null));
            }
        }
    }

    private com.clearskin.clients.AssignedPractitioners assignedPractitioners;

    @Autowired
    void useAssignedPractitioners(com.clearskin.clients.AssignedPractitioners assignedPractitioners) {
        this.assignedPractitioners = assignedPractitioners;
    }

    /** A practitioner working {@code days} from {@code start} to {@code end} with a 30-minute break at {@code lunch}. */
    private void addPractitioner(Clinic clinic, String name, String qualification, String email, List<String> days,
            String start, String end, String lunch) {
        String userId = email == null ? null : accounts.findByEmail(email).map(UUID::toString).orElse(null);
        String lunchEnd = java.time.LocalTime.parse(lunch).plusMinutes(30).toString();
        resources.addPractitioner(clinic, new PractitionerChange(name, qualification, userId, true,
                days.stream().map(d -> new WeeklyHours(d, start, end)).toList(),
                days.stream().map(d -> new WeeklyHours(d, lunch, lunchEnd)).toList()));
    }

    /**
     * A few clients with their assessment history: one whose isotretinoin course ended three months
     * ago (the lasers and microneedling are excluded until the washout ends), one with health
     * answers still unknown, and one in the second clinic that the demo clinic never sees.
     */
    private void addClients(Clinic demo, Clinic second) {
        Instant now = Instant.now(clock);
        UUID esme = accounts.findByEmail("esthetician@demo.test").orElseThrow();
        UUID nadia = accounts.findByEmail("nurse@demo.test").orElseThrow();
        UUID priya = accounts.findByEmail("practitioner@second.test").orElseThrow();

        Client maya = clients.create(demo, new NewClient("Maya", "Lopez", "maya.lopez@example.com", "+1 (555) 010-0142",
                "1994-03-12"));
        record(demo, maya, esme, now.minus(Duration.ofDays(61)), asOf -> """
                {"skinType": "oily", "fitzpatrick": 3, "concerns": ["blackheads", "enlarged-pores"],
                 "bodyAreas": ["face"], "causes": ["excess-sebum", "genetics"],
                 "isotretinoinLastTaken": "never", "topicalRetinoidLastUsed": "never"}""");
        record(demo, maya, esme, now.minus(Duration.ofHours(2)), asOf -> """
                {"skinType": "combination", "fitzpatrick": 3, "concerns": ["blackheads", "enlarged-pores", "texture"],
                 "bodyAreas": ["face"], "causes": ["excess-sebum", "genetics"], "budgetUsd": 600,
                 "isotretinoinLastTaken": "never", "topicalRetinoidLastUsed": "never"}""");

        Client jordan = clients.create(demo, new NewClient("Jordan", "Kim", "jordan.kim@example.com", "555-010-0187",
                "1999-08-30"));
        record(demo, jordan, nadia, now.minus(Duration.ofHours(1)), asOf -> """
                {"skinType": "acne-prone", "fitzpatrick": 4, "concerns": ["acne", "acne-scars", "texture"],
                 "bodyAreas": ["face"], "causes": ["excess-sebum"],
                 "isotretinoinLastTaken": "%s", "topicalRetinoidLastUsed": "never"}""".formatted(asOf.minusMonths(3)));

        Client amara = clients.create(demo, new NewClient("Amara", "Okafor", null, "+1 555 010 0163", "1981-11-02"));
        record(demo, amara, esme, now.minus(Duration.ofDays(3)), asOf -> """
                {"skinType": "dry", "fitzpatrick": 5, "concerns": ["pigmentation", "fine-lines", "dullness"],
                 "bodyAreas": ["face", "neck"], "causes": ["sun-damage", "aging"],
                 "medical": {"pregnantOrBreastfeeding": null, "photosensitizingMedication": null},
                 "isotretinoinLastTaken": "never", "topicalRetinoidLastUsed": null}""");

        Client riley = clients.create(second, new NewClient("Riley", "Novak", "riley.novak@example.com", null,
                "1988-05-20"));
        record(second, riley, priya, now.minus(Duration.ofDays(1)), asOf -> """
                {"skinType": "oily", "fitzpatrick": 2, "concerns": ["back-acne", "congestion"],
                 "bodyAreas": ["back", "shoulders"], "causes": ["excess-sebum", "environment"],
                 "isotretinoinLastTaken": "never", "topicalRetinoidLastUsed": "never"}""");
    }

    /**
     * Records an intake taken at {@code at}, with the answers as of that day in the clinic; every
     * medical answer is "no" unless the text gives one.
     */
    private void record(Clinic clinic, Client client, UUID by, Instant at, Function<LocalDate, String> text) {
        LocalDate asOf = LocalDate.ofInstant(at, clinic.timeZone());
        ObjectNode intake = (ObjectNode) json.readTree(text.apply(asOf));
        ObjectNode medical = intake.has("medical") ? (ObjectNode) intake.get("medical") : intake.putObject("medical");
        for (MedicalFlag flag : MedicalFlag.values()) {
            if (!medical.has(flag.field())) {
                medical.put(flag.field(), false);
            }
        }
        intake.put("asOf", asOf.toString());
        assessments.record(clinic, client, intake, by, at);
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
