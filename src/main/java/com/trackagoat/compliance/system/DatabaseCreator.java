package com.trackagoat.compliance.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the configured PostgreSQL database when it is missing, by connecting to the server's
 * {@code postgres} maintenance database, so that a newcomer needs no setup step.
 */
final class DatabaseCreator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCreator.class);

    /** {@code jdbc:postgresql://host[:port][,host2...]/database[?params]}. */
    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]*/)([^?]+)(\\?.*)?$");

    /** SQLSTATE 3D000: invalid_catalog_name, the database does not exist. */
    private static final String DATABASE_MISSING = "3D000";

    private DatabaseCreator() {
    }

    static void createIfMissing(String url, String username, String password) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            return;
        }
        Properties credentials = credentials(username, password);
        try (Connection ignored = DriverManager.getConnection(url, credentials)) {
            return;
        } catch (SQLException e) {
            if (!DATABASE_MISSING.equals(e.getSQLState())) {
                return; // let the pool report the real problem (server down, authentication) when it connects
            }
        }
        String database = m.group(2);
        String maintenanceUrl = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = DriverManager.getConnection(maintenanceUrl, credentials);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
            log.info("Created database {}", database);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: another instance was faster
                throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
            }
        }
    }

    private static Properties credentials(String username, String password) {
        Properties p = new Properties();
        if (username != null) {
            p.setProperty("user", username);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }
}
