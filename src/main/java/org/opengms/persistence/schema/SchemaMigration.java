package org.opengms.persistence.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.opengms.persistence.ConfiguredDataSource;

/**
 * Migrates the schema at deploy, on the application's own datasource. Every start-up bean that
 * touches the database names this one in {@code @DependsOn}, so it runs first; requests arrive only
 * once start-up beans are up. A failed migration fails the deployment: the server does not run on a
 * schema it does not know.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits its own transactions
public class SchemaMigration {

  /** The EJB name start-up beans give to {@code @DependsOn}. */
  public static final String NAME = "SchemaMigration";

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = ConfiguredDataSource.JNDI_NAME)
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    MigrateResult result = Migrations.migrate(dataSource);
    LOG.info(
        "Database schema at version "
            + (result.targetSchemaVersion != null
                ? result.targetSchemaVersion
                : result.initialSchemaVersion)
            + " ("
            + result.migrationsExecuted
            + " migration(s) applied now)");
  }
}
