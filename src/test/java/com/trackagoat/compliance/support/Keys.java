package com.trackagoat.compliance.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
        return created(Cli.run(database, "api-key", "create", "--org=" + orgId, "--name=" + name));
    }

    /** An admin key; {@code options} such as {@code --expires-in=1s}. */
    public static Created createAdmin(TestDatabase database, String name, String... options) {
        return created(Cli.run(database, Stream.concat(Stream.of("api-key", "create", "--admin", "--name=" + name),
                Arrays.stream(options)).toArray(String[]::new)));
    }

    private static Created created(Cli.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        Matcher key = KEY.matcher(result.out());
        Matcher id = ID.matcher(result.out());
        assertThat(key.find()).as(result.out()).isTrue();
        assertThat(id.find()).as(result.out()).isTrue();
        return new Created(id.group(1), key.group(1));
    }
}
