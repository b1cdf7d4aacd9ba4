package com.trackagoat.compliance.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database of its own for one test class on the real PostgreSQL at 127.0.0.1:5432, dropped at the end.
 * Use it as a {@code static} field closed in {@code @AfterAll}.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    private static final String REFUSE_CLOSE_ROWS = """
            CREATE FUNCTION refuse_one_close() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.phase = 'close' AND NEW.as_of = '%s'::timestamptz THEN
                RAISE EXCEPTION 'test: close rows at %% are refused', NEW.as_of;
              END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_one_close BEFORE INSERT ON goal_compliance_snapshot_rows
              FOR EACH ROW EXECUTE FUNCTION refuse_one_close();
            """;

    private final String name;
    private final SingleConnectionDataSource dataSource;

    private TestDatabase(String name) {
        this.name = name;
        this.dataSource = new SingleConnectionDataSource(url(), USER, "", true);
    }

    /** Creates an empty database named after the test class. */
    public static TestDatabase create(Class<?> testClass) {
        String name = newName(testClass);
        admin("CREATE DATABASE " + name);
        return new TestDatabase(name);
    }

    /**
     * A new database holding a copy of this one's schema and rows ({@code CREATE DATABASE ... TEMPLATE}), for
     * tests that each change data that took long to make. This database must have no other session open.
     */
    public TestDatabase copy(Class<?> testClass) {
        dataSource.destroy(); // its connection would be a session on the template; jdbc() opens a new one
        String name = newName(testClass);
        admin("CREATE DATABASE " + name + " TEMPLATE " + this.name);
        return new TestDatabase(name);
    }

    private static String newName(Class<?> testClass) {
        return ("gc_" + testClass.getSimpleName() + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT);
    }

    /** Creates a database named after the test class and migrates it with the {@code migrate} command. */
    public static TestDatabase migrated(Class<?> testClass) {
        TestDatabase database = create(testClass);
        Cli.Result migrate = Cli.run(database, "migrate");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        return database;
    }

    /**
     * Makes the database refuse the close rows at {@code asOf} (a trigger raises on their insert), as a bad
     * source row or a database error would; {@link #acceptCloseRows()} takes it away.
     */
    public void refuseCloseRows(Instant asOf) {
        jdbc().execute(REFUSE_CLOSE_ROWS.formatted(asOf));
    }

    public void acceptCloseRows() {
        jdbc().execute("DROP TRIGGER refuse_one_close ON goal_compliance_snapshot_rows");
    }

    public String url() {
        return SERVER + name;
    }

    public String name() {
        return name;
    }

    /** The Spring argument that points the application at this database. */
    public String urlArg() {
        return "--spring.datasource.url=" + url();
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    @Override
    public void close() {
        dataSource.destroy();
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
