package org.opengms.persistence.schema;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The real persistence unit ({@code META-INF/persistence.xml}, same entities and settings) booted
 * by the WAR's Hibernate outside a container: local transactions on a plain datasource instead of
 * JTA on {@code java:app/jdbc/gms}. Schema tests use it to create databases "the old way" and to
 * validate the entities against the migrated schema.
 */
final class OutsideContainer {

  private OutsideContainer() {}

  /** The unit on {@code dataSource}, with {@code hibernate.hbm2ddl.auto} set to {@code action}. */
  static EntityManagerFactory boot(DataSource dataSource, String action) {
    return boot(dataSource, action, Map.of());
  }

  static EntityManagerFactory boot(DataSource dataSource, String action, Map<String, ?> extra) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    settings.put("jakarta.persistence.jtaDataSource", dataSource);
    settings.put("jakarta.persistence.nonJtaDataSource", dataSource);
    settings.put(
        "hibernate.transaction.jta.platform",
        "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform");
    settings.put("hibernate.hbm2ddl.auto", action);
    settings.putAll(extra);
    return Persistence.createEntityManagerFactory("gms", settings);
  }
}
