package org.opengms.persistence.schema;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.opengms.persistence.DatabaseSettings;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Empty databases for the schema tests: an H2 file (the embedded default) and, when {@code
 * gms.db.url} / {@code GMS_DB_URL} names a PostgreSQL database, a fresh schema in it that is
 * dropped again afterwards (the rest of that database is not touched).
 */
final class TestDatabases {

  private TestDatabases() {}

  static DataSource h2(Path dir, String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve(name) + ";DB_CLOSE_ON_EXIT=FALSE");
    ds.setUser("sa");
    ds.setPassword("");
    return ds;
  }

  /** The configured PostgreSQL database, if any. */
  static Optional<DatabaseSettings> postgresql() {
    String url = System.getProperty("gms.db.url");
    if (url == null || url.isBlank()) {
      url = System.getenv("GMS_DB_URL");
    }
    if (url == null || !url.startsWith("jdbc:postgresql:")) {
      return Optional.empty();
    }
    return Optional.of(DatabaseSettings.resolve());
  }

  /** A new, empty schema of the configured PostgreSQL database; drop it with {@link #drop}. */
  static PGSimpleDataSource postgresqlSchema(DatabaseSettings settings) throws SQLException {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(settings.url());
    ds.setUser(settings.user());
    ds.setPassword(settings.password());
    String schema = "gms_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("create schema " + schema);
    }
    ds.setCurrentSchema(schema);
    return ds;
  }

  static void drop(PGSimpleDataSource ds) throws SQLException {
    String schema = ds.getCurrentSchema();
    ds.setCurrentSchema(null);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("drop schema " + schema + " cascade");
    }
  }
}
