package com.clearskin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clearskin.platform.InvalidInputException;
import com.clearskin.platform.InvalidInputException.Violation;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;

/** The rules for what arrives outside a JSON body: parameters, the path, and forms sent with PUT. */
class InputGuardTest {

    @Test
    void aNulInAParameterValueNamesTheParameter() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/clinics/x/clients");
        request.addParameter("q", "a\u0000b");
        assertThat(InputGuard.violationOf(request)).isEqualTo(new Violation("q", "must not contain a NUL character"));
    }

    @Test
    void aNulInAParameterNameIsShownEscaped() {
        assertThat(InputGuard.nulIn(Map.of("first\u0000", new String[] {"x"})))
                .isEqualTo(new Violation("first\\u0000", "must not contain a NUL character"));
    }

    @Test
    void aNulInThePathIsRefused() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/clinics/a%00b");
        request.setServletPath("/api/v1/clinics/a\u0000b");
        assertThat(InputGuard.violationOf(request)).isEqualTo(new Violation("path", "must not contain a NUL character"));
    }

    @Test
    void ordinaryParametersPass() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app");
        request.setServletPath("/app");
        request.addParameter("q", "Zoë 🧴 \\u0000 % _");
        assertThat(InputGuard.violationOf(request)).isNull();
    }

    @Test
    void aQueryWithAnEscapeThatDoesNotDecodeIsMalformed() {
        assertThat(InputGuard.malformedQuery("q=%zz")).isTrue();
        assertThat(InputGuard.malformedQuery("q=%25zz&a=b+c")).isFalse();
        assertThat(InputGuard.malformedQuery(null)).isFalse();
    }

    @Test
    void aPutFormThatDoesNotDecodeOrHoldsANulIsRefusedNamingTheField() {
        InputGuard.CheckedFormConverter converter = new InputGuard.CheckedFormConverter();
        InvalidInputException malformed = catchThrowableOfType(InvalidInputException.class,
                () -> converter.read(null, form("%zz")));
        assertThat(malformed.violations()).containsExactly(new Violation("body", InputGuard.ENCODING_REASON));
        InvalidInputException nul = catchThrowableOfType(InvalidInputException.class,
                () -> converter.read(null, form("name=a%00b")));
        assertThat(nul.violations()).containsExactly(new Violation("name", "must not contain a NUL character"));
    }

    private static MockHttpInputMessage form(String body) {
        MockHttpInputMessage message = new MockHttpInputMessage(body.getBytes(StandardCharsets.UTF_8));
        message.getHeaders().setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return message;
    }
}
