package com.clearskin.consent;

/**
 * A consent signed: the form, the signer's name, their typed signature, optionally the drawn one (a
 * PNG, base64 or a data address), an explicit {@code agreed: true}, and the photo choices (null when the
 * form did not ask). Fields arrive as given so that each wrong one is named.
 */
public record SignatureRequest(String formId, String signerName, String typedSignature, String signatureImage,
        Boolean agreed, PhotoConsent photos) {

    public SignatureRequest(String formId, String signerName, String typedSignature, String signatureImage,
            Boolean agreed) {
        this(formId, signerName, typedSignature, signatureImage, agreed, null);
    }
}
