package com.clearskin.licences;

/**
 * A clinic's licence setting: whether its jurisdiction requires licences verified by Clearskin
 * before a practitioner may be booked (off by default: practitioners with no licence on file stay
 * bookable; an expired licence on file still refuses).
 */
public record LicenceSettings(boolean verificationRequired) {
}
