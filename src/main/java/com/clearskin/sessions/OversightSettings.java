package com.clearskin.sessions;

import java.util.UUID;

/**
 * The clinic's session settings, kept in the one store of clinic settings (kind
 * {@code session-rules}): the medical director, a physician practitioner who co-signs the sessions
 * that need medical oversight (null: none named).
 */
public record OversightSettings(UUID medicalDirectorId) {
}
