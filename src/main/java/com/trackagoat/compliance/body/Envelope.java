package com.trackagoat.compliance.body;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The seed page's envelope of every answer: {@code {"data": …, "error": null | {"code", "message"}, "meta": {…}}}.
 *
 * @param <D> what {@code data} holds
 * @param <M> what {@code meta} holds
 */
public record Envelope<D, M>(@JsonProperty("data") D data, @JsonProperty("error") ApiError error,
                             @JsonProperty("meta") M meta) {

    /** An answer: its data and meta, no error. */
    public static <D, M> Envelope<D, M> of(D data, M meta) {
        return new Envelope<>(data, null, meta);
    }

    /** A refusal: no data, the error, an empty meta. */
    public static Envelope<Void, Map<String, Object>> error(String code, String message) {
        return new Envelope<>(null, new ApiError(code, message), Map.of());
    }
}
