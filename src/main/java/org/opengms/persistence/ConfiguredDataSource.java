package org.opengms.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's datasource. The container pools it and enlists it in JTA transactions; this
 * class only opens physical connections to the database that {@link DatabaseSettings} names (H2 or
 * PostgreSQL, both drivers ship in the WAR), so switching databases needs no server-side
 * configuration and the same WAR runs on WildFly and Payara.
 */
@DataSourceDefinition(
    name = ConfiguredDataSource.JNDI_NAME,
    className = "org.opengms.persistence.ConfiguredDataSource",
    minPoolSize = 2,
    maxPoolSize = 32,
    // WildFly refuses a datasource class without a property; this one only documents the source.
    properties = "settingsSource=gms.db.* system properties or GMS_DB_* environment")
public class ConfiguredDataSource implements DataSource {

  public static final String JNDI_NAME = "java:app/jdbc/gms";

  private volatile DatabaseSettings settings;
  private volatile Driver driver;
  private volatile int loginTimeout;
  private PrintWriter logWriter;

  /** Set by the container from the definition's properties; informational only. */
  public void setSettingsSource(String source) {
    // nothing to do: settings are read from DatabaseSettings
  }

  private DatabaseSettings settings() {
    if (settings == null) {
      settings = DatabaseSettings.resolve();
    }
    return settings;
  }

  private Driver driver() throws SQLException {
    if (driver == null) {
      String url = settings().url();
      String className;
      if (url.startsWith("jdbc:h2:")) {
        className = "org.h2.Driver";
      } else if (url.startsWith("jdbc:postgresql:")) {
        className = "org.postgresql.Driver";
      } else {
        throw new SQLException("Unsupported database URL (H2 or PostgreSQL): " + url);
      }
      try {
        driver =
            (Driver)
                Class.forName(className, true, ConfiguredDataSource.class.getClassLoader())
                    .getDeclaredConstructor()
                    .newInstance();
      } catch (ReflectiveOperationException e) {
        throw new SQLException("Cannot load JDBC driver " + className, e);
      }
    }
    return driver;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(settings().user(), settings().password());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    Properties props = new Properties();
    // Containers may hand over empty credentials for a definition that names none: use ours then.
    boolean given = user != null && !user.isBlank();
    props.setProperty("user", given ? user : settings().user());
    props.setProperty("password", given && password != null ? password : settings().password());
    Connection connection = driver().connect(settings().url(), props);
    if (connection == null) {
      throw new SQLException("Driver refused URL " + settings().url());
    }
    return connection;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper of " + type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
