package com.trackagoat.compliance.console;

import java.time.Duration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The console's one stylesheet, the only file it serves besides its pages (the sign-in page needs it before
 * any session exists). A controller rather than Spring's static resource handling, which would serve whatever
 * lies under {@code static/} on any path.
 */
@Hidden
@Controller
class ConsoleStyles {

    private static final Resource CSS = new ClassPathResource("console/console.css");

    @GetMapping("/console/console.css")
    ResponseEntity<Resource> css() {
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/css;charset=UTF-8"))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1))).body(CSS);
    }
}
