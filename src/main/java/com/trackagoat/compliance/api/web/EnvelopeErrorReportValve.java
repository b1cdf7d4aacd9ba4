package com.trackagoat.compliance.api.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

import com.trackagoat.compliance.body.BodyJson;
import com.trackagoat.compliance.body.Envelope;

/**
 * Tomcat's last word on a request it refused before any servlet saw it (a request line or headers too long,
 * {@code %00} or a bad escape in the path, an encoded slash): the envelope instead of Tomcat's HTML page.
 * Such a request has no decodable path, so the status is all there is to say; nothing about the server.
 */
final class EnvelopeErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own valve: only an error not yet answered, and only while the client can still be told.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String body = BodyJson.write(Envelope.error(ErrorEnvelopes.codeFor(status),
                ErrorMessages.forStatus(status, request.getMethod(), "")));
        try {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is closing: there is no one left to tell
        }
    }
}
