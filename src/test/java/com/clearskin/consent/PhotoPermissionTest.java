package com.clearskin.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.clearskin.platform.InvalidInputException.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhotoPermissionTest {

    @Test
    void noAnswerIsNotAskedAndNeverMarketing() {
        PhotoPermission p = PhotoPermission.of(null, null);
        assertThat(p).isEqualTo(PhotoPermission.NOT_ASKED);
        assertThat(p.allowsRecord()).isTrue();
        assertThat(p.allowsMarketing()).isFalse();
    }

    @Test
    void aNoToTheRecordAllowsNoPhotoAtAll() {
        PhotoPermission p = PhotoPermission.of(false, false);
        assertThat(p.allowsRecord()).isFalse();
        assertThat(p.allowsMarketing()).isFalse();
    }

    @Test
    void marketingOnlyOnAnExplicitYes() {
        assertThat(PhotoPermission.of(true, false).allowsMarketing()).isFalse();
        assertThat(PhotoPermission.of(true, null).allowsMarketing()).isFalse();
        assertThat(PhotoPermission.of(true, true).allowsMarketing()).isTrue();
    }

    @Test
    void marketingWithoutTheRecordIsRefusedByName() {
        List<Violation> bad = new ArrayList<>();
        assertThat(Consents.photos(new PhotoConsent(false, true), bad)).isNull();
        assertThat(bad).extracting(Violation::field).containsExactly("photos.marketing");
    }

    @Test
    void theRecordAnswerIsRequiredWithTheChoices() {
        List<Violation> bad = new ArrayList<>();
        Consents.photos(new PhotoConsent(null, false), bad);
        assertThat(bad).extracting(Violation::field).containsExactly("photos.record");
    }

    @Test
    void aMissingMarketingAnswerIsANo() {
        List<Violation> bad = new ArrayList<>();
        assertThat(Consents.photos(new PhotoConsent(true, null), bad)).isEqualTo(new PhotoConsent(true, false));
        assertThat(bad).isEmpty();
    }

    @Test
    void formsThatDoNotAskLeaveTheChoicesEmpty() {
        List<Violation> bad = new ArrayList<>();
        assertThat(Consents.photos(null, bad)).isNull();
        assertThat(bad).isEmpty();
    }
}
