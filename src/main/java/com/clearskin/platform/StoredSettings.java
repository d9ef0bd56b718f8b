package com.clearskin.platform;

import java.time.Instant;

/**
 * One kind of a clinic's sourced settings as in force: the clinic's own document or the shipped
 * defaults ({@code customized} false, revision 0), with the revision an editor sends back in
 * {@code If-Match}.
 */
public record StoredSettings<T>(T settings, boolean customized, int revision, Instant updatedAt) {
}
