package com.clearskin.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * A piece of background work that runs again and again, {@code delay} after its last run ended, on
 * one app instance at a time however many run (the job runtime claims it in the database). A module
 * declares one as a Spring bean; it never needs to know which scheduler runs it.
 *
 * @param name a stable name, unique in the installation (it is the job's row in the database)
 * @param delay how long after one run ends the next one starts
 * @param work what to do; an exception is logged and the job runs again after {@code delay}
 */
public record RecurringJob(String name, Duration delay, Runnable work) {

    public RecurringJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        if (name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("A job's name is 1 to 100 characters: " + name);
        }
        if (delay == null || delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("A job's delay must be positive: " + delay);
        }
    }

    /** A job named {@code name} that does {@code work} every {@code delay}. */
    public static RecurringJob every(Duration delay, String name, Runnable work) {
        return new RecurringJob(name, delay, work);
    }
}
