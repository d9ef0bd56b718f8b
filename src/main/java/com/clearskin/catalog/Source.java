package com.clearskin.catalog;

/**
 * An entry of the source register: a seed text, a reference, or the team's inference. {@code title}
 * is the register's own note (for staff and the API); {@code reference} is how a client reads it: the
 * publisher and the work in plain words ("Mayo Clinic: acne treatments").
 */
public record Source(String id, String title, String url, boolean weak, String reference) {

    public Source(String id, String title, String url, boolean weak) {
        this(id, title, url, weak, null);
    }

    /** The words a client reads: the reference, or the title when there is none. */
    public String readable() {
        return reference == null || reference.isBlank() ? title : reference;
    }
}
