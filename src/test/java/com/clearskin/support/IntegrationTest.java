package com.clearskin.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the running application on a random port, against real PostgreSQL (embedded under
 * target/test-data, or CLEARSKIN_DB_URL), with the demo clinics in place. One context serves every
 * test class that uses this annotation unchanged.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface IntegrationTest {

    /** The password of every demo account in tests. */
    String DEMO_PASSWORD = "demo-password-for-tests";
}
