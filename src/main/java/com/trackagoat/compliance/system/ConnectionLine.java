package com.trackagoat.compliance.system;

import java.util.regex.Pattern;

/**
 * The line a command logs when it starts connecting: the JDBC URL and the user, never a password (a URL can
 * carry one as a parameter, {@code ?password=…}, or before the host, {@code //user:secret@host}).
 */
final class ConnectionLine {

    /** A parameter whose name contains "password" ({@code password}, {@code sslpassword}): its value. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;][^=&;]*password[^=&;]*=)[^&;]*");
    private static final Pattern USER_INFO_SECRET = Pattern.compile("(//[^/@:]*:)[^/@]*@");

    private ConnectionLine() {
    }

    static String of(String url, String username) {
        String redacted = USER_INFO_SECRET.matcher(PASSWORD_PARAMETER.matcher(String.valueOf(url)).replaceAll("$1***"))
                .replaceAll("$1***@");
        return "connecting to " + redacted + (username == null || username.isEmpty() ? "" : " as " + username);
    }
}
