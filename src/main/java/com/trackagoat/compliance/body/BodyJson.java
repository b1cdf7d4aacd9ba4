package com.trackagoat.compliance.body;

import tools.jackson.databind.json.JsonMapper;

/**
 * JSON text of the bodies outside Spring MVC: the {@code report} command's output, the advisory column and
 * the API key filter's refusals. The records carry their names and formats, so this plain mapper and the
 * web layer's print them alike.
 */
public final class BodyJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private BodyJson() {
    }

    public static String write(Object body) {
        return MAPPER.writeValueAsString(body);
    }

    public static String writePretty(Object body) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(body);
    }

    /** A stored advisory column read back as written. */
    public static AdvisoryView advisory(String json) {
        return MAPPER.readValue(json, AdvisoryView.class);
    }
}
