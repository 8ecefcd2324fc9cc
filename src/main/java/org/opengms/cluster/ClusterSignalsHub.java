package org.opengms.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Logger;
import org.opengms.persistence.ConfiguredDataSource;
import org.opengms.persistence.DatabaseSettings;

/**
 * The {@link ClusterSignals} of this node: PostgreSQL {@code LISTEN/NOTIFY} when the database is
 * PostgreSQL (other nodes may share it), nothing on H2. Started with the application; received
 * signals are fired as {@link Signal} CDI events.
 */
@ApplicationScoped
public class ClusterSignalsHub implements ClusterSignals {

  private static final Logger LOG = Logger.getLogger(ClusterSignalsHub.class.getName());

  /** This process; a restarted node is a new one (it re-reads what it caches). */
  private final String node = UUID.randomUUID().toString().substring(0, 8);

  @Resource ManagedThreadFactory threads;
  @Resource ManagedExecutorService executor;
  @Inject Event<Signal> events;
  @EJB SignalSender sender;

  private volatile ClusterSignals delegate = new SingleNodeSignals();
  private PostgresSignals postgres;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    DatabaseSettings db = DatabaseSettings.resolve();
    if (!db.url().startsWith("jdbc:postgresql:")) {
      LOG.info("Cluster signals: single node (database is not PostgreSQL)");
      return;
    }
    ConfiguredDataSource direct = new ConfiguredDataSource();
    postgres =
        new PostgresSignals(
            node,
            sender,
            () -> {
              try {
                Connection c = direct.getConnection();
                try {
                  // so operators (and the cluster test) find the listeners in pg_stat_activity
                  c.setClientInfo("ApplicationName", PostgresSignals.APPLICATION_NAME + " " + node);
                } catch (SQLException e) {
                  c.close();
                  throw e;
                }
                return c;
              } catch (SQLException e) {
                throw new IllegalStateException("cannot connect for cluster signals", e);
              }
            },
            executor::execute,
            events::fire);
    postgres.start(threads);
    delegate = postgres;
  }

  @PreDestroy
  void stop() {
    if (postgres != null) {
      postgres.stop();
    }
  }

  /** This node's id in signals (8 hex digits). */
  public String node() {
    return node;
  }

  /** Whether signals from other nodes are being received now (always false on one node). */
  public boolean listening() {
    return postgres != null && postgres.listening();
  }

  @Override
  public void send(Signal.Topic topic, String id) {
    delegate.send(topic, id);
  }

  @Override
  public boolean othersListening() {
    return delegate.othersListening();
  }
}
