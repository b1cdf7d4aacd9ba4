package com.trackagoat.compliance.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.trackagoat.compliance.api.ApiException;
import com.trackagoat.compliance.console.session.ConsoleGuard;
import com.trackagoat.compliance.console.session.ConsoleSession;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What every console page has: the signed-in session (the layout shows the key's name and puts the CSRF token
 * in every form), and refusals as an HTML page rather than the API's JSON envelope.
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    private static final Logger log = LoggerFactory.getLogger(ConsoleModel.class);

    @ModelAttribute("signedIn")
    ConsoleSession session(HttpServletRequest request) {
        return (ConsoleSession) request.getAttribute(ConsoleGuard.SESSION);
    }

    @ModelAttribute("csrfField")
    String csrfField() {
        return ConsoleGuard.CSRF_FIELD;
    }

    /** A bad parameter (400), an instance that is not due (404), an action refused (409): its message. */
    @ExceptionHandler(ApiException.class)
    String refused(ApiException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("signedIn", session(request));
        model.addAttribute("csrfField", csrfField());
        response.setStatus(e.status().value());
        model.addAttribute("status", e.status().value() + " " + e.status().getReasonPhrase());
        model.addAttribute("message", e.getMessage());
        return "console/error";
    }

    /** Spring MVC's own refusals (a 4xx {@link ErrorResponse}) keep their status; anything else is logged. */
    @ExceptionHandler(Exception.class)
    String failed(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("signedIn", session(request));
        model.addAttribute("csrfField", csrfField());
        if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(refusal.getStatusCode().value());
            response.setStatus(status.value());
            model.addAttribute("status", status.value() + " " + status.getReasonPhrase());
            model.addAttribute("message", "The console cannot answer this request.");
            return "console/error";
        }
        log.error("console request failed", e);
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        model.addAttribute("status", "500 Internal Server Error");
        model.addAttribute("message", "The page could not be shown; the error has been logged.");
        return "console/error";
    }
}
