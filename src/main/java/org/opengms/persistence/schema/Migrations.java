package org.opengms.persistence.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the newest schema version with Flyway. Three starting points:
 *
 * <ul>
 *   <li>a database Flyway already manages: the pending migrations run;
 *   <li>a database created by the server before Flyway (Hibernate {@code hbm2ddl=update}): it has
 *       the V1 tables and no history table; it is baselined at V1 (rows kept), then V2 on run;
 *   <li>an empty database (or a PostgreSQL schema holding only other applications' tables): every
 *       migration runs from V1.
 * </ul>
 */
public final class Migrations {

  /**
   * Every migration, oldest first, as class path resources under {@code db/migration/}: {@code
   * {db}} is {@code h2} or {@code postgresql}, {@code common/} holds SQL both run as written. A new
   * migration is added here too (MigrationsTest fails on a file that is not listed).
   */
  public static final List<String> FILES =
      List.of(
          "{db}/V1__baseline.sql",
          "common/V2__lookup_indexes.sql",
          "common/V3__cluster_tables.sql",
          "common/V4__admin_console_indexes.sql",
          "common/V5__cluster_nodes.sql",
          "{db}/V6__storage_entry_sequence.sql",
          "common/V7__chat_across_nodes.sql",
          "common/V8__callback_capacity_covering_index.sql");

  /** The tables of V1: all present and no history table means a pre-Flyway database. */
  static final Set<String> V1_TABLES =
      Set.of(
          "storage_area",
          "storage_entry",
          "service_session",
          "access_number_lease",
          "notification_subscription",
          "notification_outbox",
          "chat_session",
          "chat_event",
          "chat_file",
          "callback",
          "callback_property");

  static final String HISTORY_TABLE = "flyway_schema_history";

  private Migrations() {}

  /** Migrates the database behind {@code dataSource}; throws when it cannot (start-up stops). */
  public static MigrateResult migrate(DataSource dataSource) {
    String database;
    Set<String> tables;
    try (Connection connection = dataSource.getConnection()) {
      database = database(connection.getMetaData());
      tables = tables(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database schema: " + e.getMessage(), e);
    }
    boolean managed = tables.contains(HISTORY_TABLE);
    Set<String> ours = new TreeSet<>(V1_TABLES);
    ours.retainAll(tables);
    if (!managed && !ours.isEmpty()) {
      Set<String> missing = new TreeSet<>(V1_TABLES);
      missing.removeAll(tables);
      if (!missing.isEmpty()) {
        throw new IllegalStateException(
            "The database has some of the server's tables but not "
                + missing
                + ": it was made by a release older than the schema baseline (docs/schema.md,"
                + " \"Existing data directories\")");
      }
      configure(dataSource, database)
          .baselineVersion("1")
          .baselineDescription("schema created by Hibernate hbm2ddl=update")
          .load()
          .baseline();
    }
    // Other applications' tables in the schema (PostgreSQL): baseline below V1, so V1 still runs.
    return configure(dataSource, database)
        .baselineOnMigrate(!managed && ours.isEmpty())
        .baselineVersion("0")
        .load()
        .migrate();
  }

  /** Flyway on {@code dataSource} with the migrations of {@code database}, nothing scanned. */
  static FluentConfiguration configure(DataSource dataSource, String database) {
    ClassLoader loader = Migrations.class.getClassLoader();
    return Flyway.configure(loader)
        .dataSource(dataSource)
        .table(HISTORY_TABLE)
        .resourceProvider(new MigrationFiles(loader, paths(database)))
        .javaMigrationClassProvider(List::of)
        .validateMigrationNaming(true)
        .cleanDisabled(true);
  }

  /** The resource paths of {@link #FILES} for {@code database} ({@code h2}, {@code postgresql}). */
  static List<String> paths(String database) {
    return FILES.stream().map(f -> "db/migration/" + f.replace("{db}", database)).toList();
  }

  /** {@code h2} or {@code postgresql}, the folder of the database's own migrations. */
  static String database(DatabaseMetaData meta) throws SQLException {
    String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("h2")) {
      return "h2";
    }
    if (product.contains("postgresql")) {
      return "postgresql";
    }
    throw new IllegalStateException("Unsupported database (H2 or PostgreSQL): " + product);
  }

  /** The lower-case names of the tables in the current schema (H2 2 calls them BASE TABLE). */
  static Set<String> tables(Connection connection) throws SQLException {
    Set<String> names = new TreeSet<>();
    try (ResultSet rs =
        connection
            .getMetaData()
            .getTables(
                connection.getCatalog(),
                connection.getSchema(),
                "%",
                new String[] {"TABLE", "BASE TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }
}
