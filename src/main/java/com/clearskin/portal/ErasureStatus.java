package com.clearskin.portal;

import com.clearskin.platform.Coded;

/** Where a request to erase a client's data stands: requested, then confirmed or declined by the clinic. */
public enum ErasureStatus implements Coded {
    REQUESTED("Waiting for the clinic"),
    CONFIRMED("Erased"),
    DECLINED("Declined");

    private final String label;

    ErasureStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Only an open request may be decided; a decision is final. */
    public boolean decidable() {
        return this == REQUESTED;
    }
}
