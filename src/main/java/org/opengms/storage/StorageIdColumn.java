package org.opengms.storage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.opengms.persistence.ConfiguredDataSource;
import org.opengms.persistence.schema.SchemaMigration;

/**
 * Widens the storage id columns of a database created when ids were 36-character UUIDs to {@link
 * StorageIds#MAX_LENGTH} (clients now choose their own ids). Such a database predates the Flyway
 * baseline (V1 has the wide columns) and is baselined as it is, so this still runs at start-up,
 * after the migration, and does nothing on a database that is already wide enough. A failure is
 * logged, not fatal: long ids then fail there.
 */
@Singleton
@Startup
@DependsOn(SchemaMigration.NAME) // the schema is migrated before this bean reads it
@TransactionManagement(TransactionManagementType.BEAN)
public class StorageIdColumn {

  private static final Logger LOG = Logger.getLogger(StorageIdColumn.class.getName());

  private static final String WIDTH =
      "select max(character_maximum_length) from information_schema.columns"
          + " where lower(table_name) = 'storage_area' and lower(column_name) = 'id'";

  @Resource(lookup = ConfiguredDataSource.JNDI_NAME)
  DataSource dataSource;

  @PostConstruct
  void widen() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      int width;
      try (ResultSet result = statement.executeQuery(WIDTH)) {
        width = result.next() ? result.getInt(1) : 0;
      }
      if (width <= 0 || width >= StorageIds.MAX_LENGTH) {
        return;
      }
      String type = " set data type varchar(" + StorageIds.MAX_LENGTH + ")";
      statement.execute("alter table storage_entry alter column area_id" + type);
      statement.execute("alter table storage_area alter column id" + type);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      LOG.info(
          "Storage ids widened from " + width + " to " + StorageIds.MAX_LENGTH + " characters");
    } catch (SQLException e) {
      LOG.warning(
          "Storage id columns could not be widened to "
              + StorageIds.MAX_LENGTH
              + " characters (ids longer than the column will fail): "
              + e.getMessage());
    }
  }
}
