package org.opengms.cluster;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opengms.config.ConfigurationProvider;
import org.opengms.persistence.schema.SchemaMigration;
import org.opengms.time.TimerTick;

/**
 * This node's row in the cluster's node list: written when the web application starts ({@link
 * NodeLifecycle}), every {@code [cluster] heartbeat_interval} while it runs, and marked left when
 * it stops cleanly. A node killed writes nothing: the others show it DOWN once its heartbeat is
 * older than {@code node_timeout}. Heartbeats are wall-clock instants (the nodes' clocks must
 * agree, as NTP keeps them), never the business clock admins may move.
 */
@Singleton
@DependsOn(SchemaMigration.NAME) // the table exists before the first row is written
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class NodeHeartbeat {

  private static final Logger LOG = Logger.getLogger(NodeHeartbeat.class.getName());

  @Resource TimerService timers;
  @EJB ClusterNodes nodes;
  @Inject ConfigurationProvider configuration;
  @Inject jakarta.enterprise.event.Event<Heartbeat> beats;

  private final String name = NodeName.current();
  private final TimerTick tick = new TimerTick(LOG, "Cluster heartbeat");
  private volatile String server = "";

  /** The name this node writes under. */
  public String name() {
    return name;
  }

  /** Joins the node list and starts the heartbeat timer; {@code server} names the container. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void start(String server) {
    this.server = clip(server, 255);
    long interval =
        configuration.current().get(ClusterSettings.class).heartbeatIntervalSeconds() * 1000L;
    timers.createIntervalTimer(interval, interval, new TimerConfig("cluster-heartbeat", false));
    try {
      nodes.join(name, Instant.now(), this.server, java());
      LOG.info("Node " + name + " joined the node list");
    } catch (RuntimeException e) {
      // not a reason to refuse traffic: the next heartbeat joins
      LOG.log(Level.WARNING, "Node " + name + " could not join the node list yet", e);
    }
  }

  /** Marks this node left; the timers die with the application. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void stop() {
    try {
      nodes.leave(name, Instant.now());
    } catch (RuntimeException e) {
      // the database may be gone first; the others will show this node DOWN instead of LEFT
      LOG.log(Level.WARNING, "Could not mark node " + name + " as left", e);
    }
  }

  /** Timer tick: the heartbeat, and the nodes not heard of for {@code forget_after} are dropped. */
  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onTimer() {
    tick.run(
        () -> {
          Instant now = Instant.now();
          if (!nodes.beat(name, now)) {
            nodes.join(name, now, server, java());
          }
          ClusterSettings settings = configuration.current().get(ClusterSettings.class);
          nodes.forget(now.minusSeconds(settings.forgetAfterSeconds()));
          beats.fire(new Heartbeat(now));
        });
  }

  private static String java() {
    return clip(System.getProperty("java.version"), 64);
  }

  private static String clip(String value, int length) {
    String v = value == null ? "" : value;
    return v.length() > length ? v.substring(0, length) : v;
  }
}
