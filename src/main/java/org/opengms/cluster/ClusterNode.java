package org.opengms.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.opengms.persistence.ColumnLengths;

/**
 * One node of the cluster as it last told the others: written at start, at every heartbeat and when
 * it leaves ({@link NodeHeartbeat}), read by the admin console's node list.
 */
@EntityListeners(ColumnLengths.class)
@Entity
@Table(name = "cluster_node")
public class ClusterNode {

  @Id
  @Column(length = 255)
  private String name;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "last_heartbeat", nullable = false)
  private Instant lastHeartbeat;

  /** When it shut down cleanly; null while it runs (or if it died). */
  @Column(name = "left_at")
  private Instant leftAt;

  /** The container and its version, e.g. {@code WildFly Full 39.0.0.Final}. */
  @Column(length = 255)
  private String server;

  @Column(length = 64)
  private String java;

  protected ClusterNode() {}

  ClusterNode(String name, Instant startedAt, String server, String java) {
    this.name = name;
    this.startedAt = startedAt;
    this.lastHeartbeat = startedAt;
    this.server = server;
    this.java = java;
  }

  /** Starts this row over for a node (re)starting under this name. */
  void restart(Instant at, String server, String java) {
    this.startedAt = at;
    this.lastHeartbeat = at;
    this.leftAt = null;
    this.server = server;
    this.java = java;
  }

  public String name() {
    return name;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant lastHeartbeat() {
    return lastHeartbeat;
  }

  public Instant leftAt() {
    return leftAt;
  }

  public String server() {
    return server;
  }

  public String java() {
    return java;
  }
}
