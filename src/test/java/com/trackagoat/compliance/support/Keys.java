package com.trackagoat.compliance.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** API keys made the way an operator makes them: with the {@code api-key create} command. */
public final class Keys {

    private static final Pattern KEY = Pattern.compile("(?m)^key:\\s+(tga_\\S+)$");
    private static final Pattern ID = Pattern.compile("(?m)^id:\\s+(\\S+)$");

    private Keys() {
    }

    /** A created key: its id (for revoking) and the key itself. */
    public record Created(String id, String key) {
    }

    public static Created create(TestDatabase database, String orgId, String name) {
        Cli.Result result = Cli.run(database, "api-key", "create", "--org=" + orgId, "--name=" + name);
        assertThat(result.exitCode()).as(result.err()).isZero();
        Matcher key = KEY.matcher(result.out());
        Matcher id = ID.matcher(result.out());
        assertThat(key.find()).as(result.out()).isTrue();
        assertThat(id.find()).as(result.out()).isTrue();
        return new Created(id.group(1), key.group(1));
    }
}
