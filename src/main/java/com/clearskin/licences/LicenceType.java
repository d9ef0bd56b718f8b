package com.clearskin.licences;

import com.clearskin.catalog.Performer;
import com.clearskin.platform.Coded;
import java.util.Optional;

/**
 * The kind of a practitioner's licence, and the catalog's performer level it licenses: the level
 * the catalog's scope of practice names (esthetician, nurse, physician). A licence that is not one
 * of those professions is mapped to the level it lets its holder work at, never higher.
 */
public enum LicenceType implements Coded {
    ESTHETICIAN("Esthetician", Performer.ESTHETICIAN),
    COSMETOLOGIST("Cosmetologist", Performer.ESTHETICIAN),
    NURSE("Registered nurse", Performer.NURSE),
    NURSE_PRACTITIONER("Nurse practitioner", Performer.NURSE),
    PHYSICIAN_ASSISTANT("Physician assistant", Performer.NURSE),
    PHYSICIAN("Physician", Performer.PHYSICIAN);

    private final String label;
    private final Performer level;

    LicenceType(String label, Performer level) {
        this.label = label;
        this.level = level;
    }

    @Override
    public String label() {
        return label;
    }

    /** The catalog's performer level this licence lets its holder work at. */
    public Performer level() {
        return level;
    }

    public static Optional<LicenceType> fromCode(String code) {
        return Coded.find(LicenceType.class, code);
    }
}
