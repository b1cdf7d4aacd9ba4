package com.trackagoat.compliance.console;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 text for the console's exports: CRLF line ends, a field quoted when it holds a comma, a quote, CR or
 * LF (its quotes doubled). A text field a spreadsheet would run as a formula (starting with {@code = + - @}, or
 * a tab or CR, which some strip first) is prefixed with {@code '}, so a creator handle of {@code =HYPERLINK(…)}
 * opens as text (OWASP "CSV injection"). Numbers ({@link Number} fields) are the console's own and are written
 * as they are: a negative change since close stays a number a spreadsheet can sum.
 */
final class Csv {

    static final String CRLF = "\r\n";

    private Csv() {
    }

    /** One record, then CRLF: text fields guarded and quoted, numbers as digits, null as an empty field. */
    static String line(List<?> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + CRLF;
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        String text = value.toString();
        if (text.isEmpty()) {
            return "";
        }
        if (isFormula(text)) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static boolean isFormula(String text) {
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
