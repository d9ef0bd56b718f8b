package com.clearskin.licences;

/**
 * A licence as the clinic adds it: type (a {@link LicenceType} code), number, issuing jurisdiction
 * (such as US-CA), expiry date (ISO, such as 2027-06-30) and the document (PDF, JPEG or PNG).
 */
public record NewLicence(String type, String number, String jurisdiction, String expiresOn, byte[] document) {
}
