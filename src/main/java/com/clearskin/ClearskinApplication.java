package com.clearskin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Clearskin: software for skincare clinics, med-spas and independent estheticians. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClearskinApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClearskinApplication.class, args);
    }
}
