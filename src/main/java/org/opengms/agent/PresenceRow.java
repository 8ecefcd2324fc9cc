package org.opengms.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.opengms.persistence.ColumnLengths;

/**
 * An agent's presence as the nodes share it (PostgreSQL only): ready or not, since when, and the
 * node that took the change; an agent whose node is no longer alive counts as not ready.
 */
@EntityListeners(ColumnLengths.class)
@Entity
@Table(name = "agent_presence")
public class PresenceRow {

  @Id
  @Column(length = 255)
  private String login;

  @Column(nullable = false)
  private boolean ready;

  @Column(name = "ready_since", nullable = false)
  private Instant readySince;

  @Column(name = "logged_in_since")
  private Instant loggedInSince;

  @Column(name = "node_name", nullable = false, length = 255)
  private String node;

  protected PresenceRow() {}

  PresenceRow(String login) {
    this.login = login;
  }

  void set(boolean ready, Instant readySince, Instant loggedInSince, String node) {
    this.ready = ready;
    this.readySince = readySince;
    this.loggedInSince = loggedInSince;
    this.node = node;
  }

  String login() {
    return login;
  }

  boolean ready() {
    return ready;
  }

  Instant readySince() {
    return readySince;
  }

  Instant loggedInSince() {
    return loggedInSince;
  }

  String node() {
    return node;
  }
}
