package com.clearskin.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door: what Clearskin is, and the way into the catalog. */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
