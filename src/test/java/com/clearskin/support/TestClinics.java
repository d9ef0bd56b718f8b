package com.clearskin.support;

import com.clearskin.accounts.Accounts;
import com.clearskin.accounts.Role;
import com.clearskin.clinics.Clinic;
import com.clearskin.clinics.Clinics;
import com.clearskin.clinics.NewClinic;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Opens a fresh clinic with one person per role, so that a test's edits touch nobody else's data. */
@Component
public class TestClinics {

    public static final String PASSWORD = "a-long-test-password";

    public record TestClinic(Clinic clinic, Map<Role, String> emails) {
        public String slug() {
            return clinic.slug();
        }

        public String email(Role role) {
            return emails.get(role);
        }
    }

    private final Clinics clinics;
    private final Accounts accounts;

    TestClinics(Clinics clinics, Accounts accounts) {
        this.clinics = clinics;
        this.accounts = accounts;
    }

    public TestClinic open() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Clinic clinic = clinics.open(new NewClinic("t-" + id, "Test Clinic " + id, "Europe/London", "USD", null));
        Map<Role, String> emails = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String email = role.code() + "-" + id + "@clinic.test";
            accounts.addMember(clinic.id(), accounts.register(email, role.label() + " " + id, PASSWORD), role);
            emails.put(role, email);
        }
        return new TestClinic(clinic, emails);
    }
}
