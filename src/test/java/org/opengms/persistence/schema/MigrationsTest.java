package org.opengms.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengms.persistence.DatabaseSettings;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The versioned schema outside the container, on H2 and (with {@code GMS_DB_URL} / {@code
 * -Dgms.db.url} naming a PostgreSQL database) on PostgreSQL: V1 equals the schema Hibernate
 * generated, a new database migrates and validates against the entities, a database created the old
 * way is baselined with its rows.
 */
class MigrationsTest {

  @TempDir Path dir;

  @Test
  void shouldListEveryMigrationFileOfEachDatabase() throws IOException {
    Path root = Path.of("src/main/resources");
    for (String database : List.of("h2", "postgresql")) {
      List<String> onDisk = new ArrayList<>();
      for (String folder : List.of(database, "common")) {
        try (Stream<Path> files = Files.list(root.resolve("db/migration").resolve(folder))) {
          files.forEach(f -> onDisk.add(root.relativize(f).toString().replace('\\', '/')));
        }
      }
      assertEquals(new TreeSet<>(onDisk), new TreeSet<>(Migrations.paths(database)), database);
      for (String path : Migrations.paths(database)) {
        assertTrue(
            getClass().getClassLoader().getResource(path) != null, path + " on the class path");
      }
    }
  }

  @Test
  void shouldMakeTheBaselineEqualToTheHibernateSchemaOnH2() throws SQLException {
    SchemaScenarios.baselineEqualsHibernateSchema(
        TestDatabases.h2(dir, "hibernate"),
        TestDatabases.h2(dir, "v1"),
        TestDatabases.h2(dir, "new"));
  }

  @Test
  void shouldMigrateANewH2DatabaseThatTheEntitiesValidate() throws SQLException {
    SchemaScenarios.newDatabaseMigratesAndValidates(TestDatabases.h2(dir, "gms"));
  }

  @Test
  void shouldBaselineAnOldH2DataDirectoryAndKeepItsRows() throws SQLException {
    SchemaScenarios.oldDatabaseIsBaselinedAndKeepsRows(TestDatabases.h2(dir, "gms"));
  }

  @Test
  void shouldRefuseADatabaseWithOnlySomeOfTheTables() throws SQLException {
    DataSource ds = TestDatabases.h2(dir, "partial");
    try (Connection c = ds.getConnection()) {
      c.createStatement().execute("create table storage_area (id varchar(36) primary key)");
    }
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Migrations.migrate(ds));
    assertTrue(e.getMessage().contains("callback"), e.getMessage());
  }

  @Test
  void shouldCreateTheSchemaBesideAnotherApplicationsTables() throws SQLException {
    DataSource ds = TestDatabases.h2(dir, "shared");
    try (Connection c = ds.getConnection()) {
      c.createStatement().execute("create table other_app (id int primary key)");
      c.createStatement().execute("insert into other_app values (7)");
    }
    assertEquals(8, Migrations.migrate(ds).migrationsExecuted);
    assertEquals(
        List.of(
            "0 BASELINE", "1 SQL", "2 SQL", "3 SQL", "4 SQL", "5 SQL", "6 SQL", "7 SQL", "8 SQL"),
        SchemaScenarios.history(ds));
    try (Connection c = ds.getConnection();
        ResultSet rs = c.createStatement().executeQuery("select id from other_app")) {
      assertTrue(rs.next() && rs.getInt(1) == 7, "the other table is left alone");
    }
  }

  @Test
  void shouldMakeTheBaselineEqualToTheHibernateSchemaOnPostgreSql() throws SQLException {
    DatabaseSettings pg = postgresql();
    PGSimpleDataSource hibernate = TestDatabases.postgresqlSchema(pg);
    PGSimpleDataSource v1 = TestDatabases.postgresqlSchema(pg);
    PGSimpleDataSource latest = TestDatabases.postgresqlSchema(pg);
    try {
      SchemaScenarios.baselineEqualsHibernateSchema(hibernate, v1, latest);
    } finally {
      TestDatabases.drop(hibernate);
      TestDatabases.drop(v1);
      TestDatabases.drop(latest);
    }
  }

  @Test
  void shouldMigrateANewPostgreSqlSchemaThatTheEntitiesValidate() throws SQLException {
    PGSimpleDataSource ds = TestDatabases.postgresqlSchema(postgresql());
    try {
      SchemaScenarios.newDatabaseMigratesAndValidates(ds);
    } finally {
      TestDatabases.drop(ds);
    }
  }

  @Test
  void shouldBaselineAnOldPostgreSqlSchemaAndKeepItsRows() throws SQLException {
    PGSimpleDataSource ds = TestDatabases.postgresqlSchema(postgresql());
    try {
      SchemaScenarios.oldDatabaseIsBaselinedAndKeepsRows(ds);
    } finally {
      TestDatabases.drop(ds);
    }
  }

  private static DatabaseSettings postgresql() {
    Optional<DatabaseSettings> pg = TestDatabases.postgresql();
    assumeTrue(pg.isPresent(), "GMS_DB_URL / -Dgms.db.url names no PostgreSQL database");
    return pg.get();
  }
}
