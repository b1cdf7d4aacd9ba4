package com.trackagoat.compliance.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Any other path under {@code /api/} (or another method than GET or HEAD) answers with the envelope
 * too, rather than the servlet container's error page. More specific mappings win over this one.
 */
@Hidden
@RestController
class UnknownApiPath {

    @RequestMapping("/api/**")
    void refuse(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            throw new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
                    request.getMethod() + " is not supported: the read API only answers GET");
        }
        throw ApiException.notFound("no endpoint " + request.getRequestURI());
    }
}
