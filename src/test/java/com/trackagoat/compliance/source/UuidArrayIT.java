package com.trackagoat.compliance.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.core.Oid;
import org.postgresql.jdbc.PgConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.trackagoat.compliance.support.TestDatabase;

/** uuid[] parameters as the job sends them: PostgreSQL's own binary format, read back in order. */
class UuidArrayIT {

    private static final UUID FIRST = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final UUID LAST = UUID.fromString("ffffffff-0000-4000-8000-000000000001");

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create(UuidArrayIT.class);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void theBytesAreWhatPostgresqlSendsForTheSameArray() {
        // given
        UuidArray ids = UuidArray.of(new UUID[] {FIRST, null, LAST});
        byte[] ours = new byte[ids.lengthInBytes()];

        // when
        ids.toBytes(ours, 0);

        // then: array_send is the server's binary form of a uuid[]
        byte[] postgres = withConnection(false, jdbc -> jdbc.queryForObject(
                "SELECT array_send(CAST(? AS uuid[]))", byte[].class, "{" + FIRST + ",NULL," + LAST + "}"));
        assertThat(ours).isEqualTo(postgres);
    }

    @Test
    void theApplicationsDriverSettingSendsUuidArraysInBinary() {
        boolean binary = withConnection(true, jdbc -> jdbc.execute((Connection c) ->
                c.unwrap(PgConnection.class).binaryTransferSend(Oid.UUID_ARRAY)));

        assertThat(binary).isTrue();
    }

    @ParameterizedTest(name = "binary transfer {0}")
    @ValueSource(booleans = {true, false})
    void theServerReadsTheIdsInOrderWithTheirNulls(boolean binary) {
        List<String> read = withConnection(binary, jdbc -> jdbc.queryForList(
                "SELECT CAST(id AS text) FROM unnest(CAST(? AS uuid[])) WITH ORDINALITY AS t(id, n) ORDER BY n",
                String.class, UuidArray.of(new UUID[] {LAST, null, FIRST})));

        assertThat(read).containsExactly(LAST.toString(), null, FIRST.toString());
    }

    @ParameterizedTest(name = "binary transfer {0}")
    @ValueSource(booleans = {true, false})
    void anEmptyArrayIsAnEmptyArrayNotNull(boolean binary) {
        Integer length = withConnection(binary, jdbc -> jdbc.queryForObject(
                "SELECT cardinality(CAST(? AS uuid[]))", Integer.class, UuidArray.of(List.of())));

        assertThat(length).isZero();
    }

    @Test
    void theBinaryFormReadsBackIntoTheSameIds() {
        UuidArray sent = UuidArray.of(new UUID[] {FIRST, null, LAST});
        byte[] bytes = new byte[sent.lengthInBytes()];
        sent.toBytes(bytes, 0);
        UuidArray read = UuidArray.of(List.of());

        read.setByteValue(bytes, 0);

        assertThat(read.getValue()).isEqualTo("{" + FIRST + ",NULL," + LAST + "}").isEqualTo(sent.getValue());
    }

    private interface Work<T> {
        T run(JdbcTemplate jdbc);
    }

    /** A connection with binary transfer of uuid[] as application.properties sets it, or with the driver's default. */
    private static <T> T withConnection(boolean applicationSetting, Work<T> work) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(database.url(), "postgres", "", true);
        if (applicationSetting) {
            Properties driver = new Properties();
            driver.setProperty("binaryTransferEnable", applicationProperty(
                    "spring.datasource.hikari.data-source-properties.binaryTransferEnable"));
            dataSource.setConnectionProperties(driver);
        }
        try {
            return work.run(new JdbcTemplate(dataSource));
        } finally {
            dataSource.destroy();
        }
    }

    private static String applicationProperty(String key) {
        Properties application = new Properties();
        try (InputStream in = UuidArrayIT.class.getResourceAsStream("/application.properties")) {
            application.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(application.getProperty(key)).as(key).isNotBlank();
        return application.getProperty(key);
    }
}
