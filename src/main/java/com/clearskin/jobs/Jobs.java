package com.clearskin.jobs;

import java.util.List;

/** The job runtime's public face beyond declaring {@link RecurringJob} beans. */
public interface Jobs {

    /** The names of the recurring jobs this installation runs. */
    List<String> names();

    /**
     * Moves the named recurring job's next run to now, so that it runs on the next poll of any
     * instance (an admin's "run now", or a test that does not want to wait). Returns false when no
     * such job is scheduled.
     */
    boolean runSoon(String name);
}
