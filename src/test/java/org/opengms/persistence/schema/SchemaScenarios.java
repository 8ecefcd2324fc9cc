package org.opengms.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/** The schema checks, run on H2 always and on PostgreSQL when one is configured. */
final class SchemaScenarios {

  /** The lines V2 adds to V1's fingerprint. */
  static final SortedSet<String> LATER_INDEXES =
      new TreeSet<>(
          List.of(
              "callback index ix_callback_agent_state agent_login,state",
              "callback index ix_callback_queue_position queue_name,state,desired_time,created_at",
              "chat_session index ix_chat_session_finished state,finished_at",
              // V4
              "callback index ix_callback_desired_id desired_time,id",
              "callback index ix_callback_service_desired_id service_name,desired_time,id",
              // V7
              "chat_session index ix_chat_session_agent agent_login,state"));

  /** The columns V7 adds to V1's tables (the entities have them, V1 had not). */
  static final List<String> LATER_COLUMNS =
      List.of(
          "chat_session column answered_at ",
          "chat_session column bound_node ",
          "chat_session column client_seen ",
          "chat_session column last_activity ",
          "chat_session column left_by ");

  /** Indexes the entities define differently since V1: their line now, and V1's line. */
  static final Map<String, String> CHANGED_INDEXES =
      Map.of(
          // V8: state and reason added, so that counting bookings reads the index alone
          "callback index ix_callback_capacity capacity_service,desired_time,state,reason",
          "callback index ix_callback_capacity capacity_service,desired_time");

  private SchemaScenarios() {}

  /**
   * V1 is the schema Hibernate generated from the entities when Flyway came in (a sequence, V6, is
   * not in the fingerprint; V7's columns the entities have since are left out); the newest adds
   * V2's, V4's and V7's indexes.
   */
  static void baselineEqualsHibernateSchema(DataSource hibernate, DataSource v1, DataSource latest)
      throws SQLException {
    OutsideContainer.boot(hibernate, "update").close();
    Migrations.configure(v1, database(v1)).target("1").load().migrate();
    Migrations.migrate(latest);
    SortedSet<String> generated = fingerprint(hibernate);
    assertTrue(generated.size() > 150, "columns, indexes, keys: " + generated.size());
    SortedSet<String> generatedThen = new TreeSet<>(generated);
    generatedThen.removeIf(line -> LATER_COLUMNS.stream().anyMatch(line::startsWith));
    assertEquals(LATER_COLUMNS.size(), generated.size() - generatedThen.size());
    CHANGED_INDEXES.forEach(
        (now, then) -> {
          assertTrue(generatedThen.remove(now), "the entities define " + now);
          generatedThen.add(then);
        });
    assertEquals(generatedThen, fingerprint(v1));
    SortedSet<String> added = fingerprint(latest);
    added.removeAll(generated);
    assertEquals(LATER_INDEXES, added);
  }

  /** A new database gets every migration; Hibernate then validates the entities against it. */
  static void newDatabaseMigratesAndValidates(DataSource ds) throws SQLException {
    MigrateResult first = Migrations.migrate(ds);
    assertEquals(8, first.migrationsExecuted);
    assertEquals("8", first.targetSchemaVersion);
    assertEquals(
        List.of("1 SQL", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL", "7 SQL", "8 SQL"),
        history(ds));
    assertEquals(0, Migrations.migrate(ds).migrationsExecuted, "a second start applies nothing");
    try (EntityManagerFactory emf = OutsideContainer.boot(ds, "validate")) {
      EntityManager em = emf.createEntityManager();
      assertEquals(0L, em.createQuery("select count(c) from Callback c").getSingleResult());
      em.close();
    }
  }

  /**
   * A database created the old way (Hibernate {@code hbm2ddl=update}, rows written) is baselined at
   * V1, gets V2, keeps its rows, and the entities read them.
   */
  static void oldDatabaseIsBaselinedAndKeepsRows(DataSource ds) throws SQLException {
    // The tables as the releases before Flyway left them: V1 is that schema (the entities have
    // moved on since, e.g. storage_entry's ids in V6), without a history table.
    Migrations.configure(ds, database(ds)).target("1").load().migrate();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(true);
      update(c, "drop table \"" + Migrations.HISTORY_TABLE + "\"");
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(true);
      update(
          c,
          "insert into storage_area (id, created_at, expires_at, version) values (?, ?, ?, 0)",
          "legacy-area",
          now,
          now.plusDays(1));
      update(
          c,
          "insert into storage_entry (area_id, entry_key, text_value) values (?, ?, ?)",
          "legacy-area",
          "color",
          "kept");
      update(
          c,
          "insert into callback (id, service_name, state, desired_time, created_at, updated_at,"
              + " scheduled_at_start, submit_attempts, properties, version)"
              + " values (?, ?, 'SCHEDULED', ?, ?, ?, true, 0, '{}', 0)",
          "cb-legacy",
          "samples",
          now.plusHours(2),
          now,
          now);
      update(
          c,
          "insert into callback_property (callback_id, prop_name, prop_value) values (?, ?, ?)",
          "cb-legacy",
          "order",
          "42");
    }
    MigrateResult result = Migrations.migrate(ds);
    assertEquals(7, result.migrationsExecuted, "V2 to V8: V1 is the baseline");
    assertEquals(
        List.of("1 BASELINE", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL", "7 SQL", "8 SQL"),
        history(ds));
    assertTrue(fingerprint(ds).containsAll(LATER_INDEXES));
    assertStorageIdsStartAboveTheOldOnes(ds);
    try (EntityManagerFactory emf = OutsideContainer.boot(ds, "validate")) {
      EntityManager em = emf.createEntityManager();
      assertEquals(
          "kept",
          em.createQuery(
                  "select e.textValue from StorageEntry e where e.area.id = 'legacy-area'"
                      + " and e.entryKey = 'color'")
              .getSingleResult());
      assertEquals(
          "42",
          em.createQuery(
                  "select value(p) from Callback c join c.indexed p"
                      + " where c.id = 'cb-legacy' and key(p) = 'order'")
              .getSingleResult());
      assertEquals(
          "SCHEDULED",
          String.valueOf(
              em.createQuery("select c.state from Callback c where c.serviceName = 'samples'")
                  .getSingleResult()));
      em.close();
    }
  }

  /**
   * {@code version type} of each versioned row of the history table, in order (Flyway also writes
   * an unversioned row recording that it created the table).
   */
  static List<String> history(DataSource ds) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = ds.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select \"version\", \"type\", \"success\" from \""
                        + Migrations.HISTORY_TABLE
                        + "\" where \"version\" is not null order by \"installed_rank\"")) {
      while (rs.next()) {
        assertTrue(rs.getBoolean(3), "migration " + rs.getString(1) + " succeeded");
        rows.add(rs.getString(1) + " " + rs.getString(2));
      }
    }
    return rows;
  }

  static SortedSet<String> fingerprint(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection()) {
      return SchemaFingerprint.of(c);
    }
  }

  /**
   * Hibernate's pooled optimizer gives the 50 ids up to each value it reads from the sequence: the
   * lowest of the first block must be above every id the identity column gave before V6.
   */
  private static void assertStorageIdsStartAboveTheOldOnes(DataSource ds) throws SQLException {
    String next =
        "postgresql".equals(database(ds))
            ? "select nextval('storage_entry_seq')"
            : "select next value for storage_entry_seq";
    try (Connection c = ds.getConnection();
        ResultSet highest = c.createStatement().executeQuery("select max(id) from storage_entry");
        ResultSet value = c.createStatement().executeQuery(next)) {
      assertTrue(highest.next() && value.next());
      long lowestNew = value.getLong(1) - 49;
      assertTrue(lowestNew > highest.getLong(1), lowestNew + " vs " + highest.getLong(1));
    }
  }

  private static String database(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection()) {
      return Migrations.database(c.getMetaData());
    }
  }

  private static void update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }
}
