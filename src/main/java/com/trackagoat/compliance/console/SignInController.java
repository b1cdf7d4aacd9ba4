package com.trackagoat.compliance.console;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;

import com.trackagoat.compliance.api.key.ApiCaller;
import com.trackagoat.compliance.api.key.ApiKeys;
import com.trackagoat.compliance.console.session.ConsoleCookies;
import com.trackagoat.compliance.console.session.ConsoleGuard;
import com.trackagoat.compliance.console.session.ConsoleSessions;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signing in with an admin key (never shown, never stored: the session's cookie stands for it from then on),
 * and signing out. A wrong, revoked or expired key is refused (401) and an organization's key too (403), each
 * with a message saying which.
 */
@Hidden
@Controller
class SignInController {

    private final ApiKeys keys;
    private final ConsoleSessions sessions;
    private final ConsoleCookies cookies;

    SignInController(ApiKeys keys, ConsoleSessions sessions, ConsoleCookies cookies) {
        this.keys = keys;
        this.sessions = sessions;
        this.cookies = cookies;
    }

    @GetMapping(ConsoleGuard.SIGN_IN)
    String form(@RequestParam(name = "signed_out", required = false) String signedOut, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        if (signedOut != null) {
            model.addAttribute("notice", "You have signed out.");
        }
        return form(request, response, model);
    }

    @PostMapping(ConsoleGuard.SIGN_IN)
    Object signIn(@RequestParam(name = "key", required = false) String key, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        String presented = key == null ? "" : key.strip();
        if (presented.isEmpty()) {
            return refuse(HttpStatus.UNAUTHORIZED, "Enter an admin key.", request, response, model);
        }
        ApiKeys.Check check = keys.authenticate(presented);
        if (check instanceof ApiKeys.Check.Expired expired) {
            return refuse(HttpStatus.UNAUTHORIZED, "That key expired at " + Show.time(expired.at())
                    + ". Ask for a new admin key.", request, response, model);
        }
        if (!(check instanceof ApiKeys.Check.Valid valid)) {
            return refuse(HttpStatus.UNAUTHORIZED, "That key is not valid: it is unknown, mistyped or revoked.",
                    request, response, model);
        }
        ApiCaller caller = valid.caller();
        if (!caller.admin()) {
            return refuse(HttpStatus.FORBIDDEN, "That is an organization's key: the console needs an admin key "
                    + "(api-key create --admin).", request, response, model);
        }
        cookies.startSession(request, response, sessions.start(caller), sessions.timeout());
        return SeeOther.to("/console");
    }

    @PostMapping("/console/sign-out")
    View signOut(HttpServletRequest request, HttpServletResponse response) {
        sessions.end(ConsoleCookies.sessionToken(request).orElse(null));
        cookies.endSession(request, response);
        return SeeOther.to(ConsoleGuard.SIGN_IN + "?signed_out");
    }

    private String refuse(HttpStatus status, String message, HttpServletRequest request, HttpServletResponse response,
                          Model model) {
        response.setStatus(status.value());
        model.addAttribute("error", message);
        return form(request, response, model);
    }

    private String form(HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("signInToken", cookies.newSignInToken(request, response));
        return "console/sign-in";
    }
}
