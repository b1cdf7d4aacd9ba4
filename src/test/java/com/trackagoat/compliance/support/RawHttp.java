package com.trackagoat.compliance.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * HTTP/1.1 requests written byte for byte on a socket, for what {@code java.net.http} refuses to send or
 * rewrites: a forged {@code Host}, {@code %zz} or {@code %00} in the target, path parameters, over-long lines.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** A response: status, headers by lower-case name, the body, and the body as JSON (null when it is not). */
    public record Response(int status, Map<String, String> headers, String body, JsonNode json) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** {@code GET target} on 127.0.0.1:port with {@code Host: 127.0.0.1} unless a Host line is given. */
    public static Response get(int port, String target, String... headerLines) {
        return send(port, "GET " + target + " HTTP/1.1", headerLines);
    }

    /** Any request line, the header lines as given, then {@code Connection: close}; reads until the server closes. */
    public static Response send(int port, String requestLine, String... headerLines) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\n");
        boolean hasHost = false;
        for (String line : headerLines) {
            hasHost |= line.regionMatches(true, 0, "Host:", 0, 5);
            request.append(line).append("\r\n");
        }
        if (!hasHost) {
            request.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // the server may reset the connection after answering a request it refused; keep what came
            if (bytes.size() == 0) {
                throw reset;
            }
        }
        return bytes.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        byte[] body = end < 0 ? new byte[0] : Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        String bodyText = new String(body, StandardCharsets.UTF_8);
        JsonNode json = null;
        try {
            json = Dataset.JSON.readTree(bodyText);
        } catch (RuntimeException notJson) {
            // left null: the caller asserts on the raw body
        }
        return new Response(status, headers, bodyText, json);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOfCrLf(body, at);
            String size = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            out.write(body, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }
}
