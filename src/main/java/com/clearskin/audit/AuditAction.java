package com.clearskin.audit;

import com.clearskin.platform.Coded;
import java.util.Optional;

/** What someone did with a client's data. */
public enum AuditAction implements Coded {
    READ("Read"),
    CREATE("Create"),
    UPDATE("Update"),
    DELETE("Delete"),
    EXPORT("Export"),
    ERASE("Erase");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * Whether the action changes stored data: such an event must be recorded in the transaction of
     * the change, so that the change cannot commit without it.
     */
    public boolean changesData() {
        return this == CREATE || this == UPDATE || this == DELETE || this == ERASE;
    }

    public static Optional<AuditAction> fromCode(String code) {
        return Coded.find(AuditAction.class, code);
    }
}
