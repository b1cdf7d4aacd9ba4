package com.trackagoat.compliance.console;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/** The answer to a console form: 303 See Other, so that reloading the next page does not send the form again. */
final class SeeOther {

    private SeeOther() {
    }

    static RedirectView to(String path) {
        RedirectView view = new RedirectView(path, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }
}
