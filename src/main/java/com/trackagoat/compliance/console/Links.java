package com.trackagoat.compliance.console;

import org.springframework.web.util.UriComponentsBuilder;

/** Console links with query parameters, encoded; a null or blank value leaves its parameter out. */
final class Links {

    private Links() {
    }

    /** {@code path} with the parameters given as name, value, name, value, … */
    static String to(String path, Object... namesAndValues) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null && !value.toString().isBlank()) {
                uri.queryParam((String) namesAndValues[i], value.toString());
            }
        }
        return uri.build().encode().toUriString();
    }

    static String goal(Object goalId) {
        return to(GoalController.PATH, "id", goalId);
    }
}
