package com.trackagoat.compliance.api.web;

import java.util.Map;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.trackagoat.compliance.body.Envelope;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The servlet container's error page (in place of Spring Boot's {@code BasicErrorController}): an error
 * raised outside Spring MVC's handlers (a filter's exception, Tomcat refusing {@code TRACE}, a
 * {@code sendError}) is answered with the envelope too, never with Boot's JSON or a whitelabel page.
 */
@Hidden
@RestController
class ApiErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Envelope<Void, Map<String, Object>>> error(HttpServletRequest request) {
        Object forwardedStatus = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String path = forwardedStatus == null ? request.getRequestURI()
                : String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        // The error dispatch itself is a GET; the caller's method is kept in an attribute (Servlet 6.1).
        Object method = request.getAttribute(RequestDispatcher.ERROR_METHOD);
        int status = forwardedStatus instanceof Integer code ? code : HttpStatus.NOT_FOUND.value();
        return ErrorEnvelopes.response(HttpStatusCode.valueOf(status), ErrorEnvelopes.codeFor(status),
                ErrorMessages.forStatus(status, method == null ? request.getMethod() : method.toString(), path));
    }
}
