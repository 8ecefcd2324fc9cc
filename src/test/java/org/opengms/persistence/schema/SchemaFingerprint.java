package org.opengms.persistence.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a schema is made of, as JDBC metadata reports it, one line per column, index and foreign key
 * of the V1 tables: two databases of the same kind with equal fingerprints have the same schema.
 * Names the database generates itself (H2's primary key and backing-index names) are left out or
 * normalised.
 */
final class SchemaFingerprint {

  private SchemaFingerprint() {}

  static SortedSet<String> of(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    String catalog = c.getCatalog();
    String schema = c.getSchema();
    SortedSet<String> lines = new TreeSet<>();
    for (String table : Migrations.tables(c)) {
      if (!Migrations.V1_TABLES.contains(table)) {
        continue;
      }
      String name = exact(meta, catalog, schema, table);
      try (ResultSet rs = meta.getColumns(catalog, schema, name, "%")) {
        while (rs.next()) {
          lines.add(
              String.join(
                  " ",
                  table,
                  "column",
                  lower(rs.getString("COLUMN_NAME")),
                  lower(rs.getString("TYPE_NAME")),
                  String.valueOf(rs.getInt("COLUMN_SIZE")),
                  rs.getString("IS_NULLABLE")));
        }
      }
      Map<String, String> indexes = new TreeMap<>();
      try (ResultSet rs = meta.getIndexInfo(catalog, schema, name, false, false)) {
        while (rs.next()) {
          String index = lower(rs.getString("INDEX_NAME"));
          if (index == null || index.startsWith("primary_key")) {
            continue;
          }
          index = index.replaceAll("_index_[0-9a-z]+$", "");
          String unique = rs.getBoolean("NON_UNIQUE") ? "" : " unique";
          indexes.merge(index + unique, lower(rs.getString("COLUMN_NAME")), (a, b) -> a + "," + b);
        }
      }
      indexes.forEach((index, columns) -> lines.add(table + " index " + index + " " + columns));
      try (ResultSet rs = meta.getImportedKeys(catalog, schema, name)) {
        while (rs.next()) {
          lines.add(
              String.join(
                  " ",
                  table,
                  "fk",
                  lower(rs.getString("FK_NAME")),
                  lower(rs.getString("FKCOLUMN_NAME")),
                  lower(rs.getString("PKTABLE_NAME"))));
        }
      }
      try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, name)) {
        while (rs.next()) {
          lines.add(table + " pk " + lower(rs.getString("COLUMN_NAME")));
        }
      }
    }
    return lines;
  }

  /** The table name as the database stores it (H2 upper-cases, PostgreSQL lower-cases). */
  private static String exact(DatabaseMetaData meta, String catalog, String schema, String table)
      throws SQLException {
    return meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
