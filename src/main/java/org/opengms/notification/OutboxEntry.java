package org.opengms.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.opengms.persistence.ColumnLengths;

/**
 * A delivery whose first attempt failed, kept until it succeeds or runs out of attempts, across
 * restarts. A dead entry (out of attempts) stays for inspection.
 */
@EntityListeners(ColumnLengths.class)
@Entity
@Table(
    name = "notification_outbox",
    indexes = @Index(name = "ix_outbox_due", columnList = "dead, next_attempt_at"))
@NamedQuery(
    name = OutboxEntry.DUE,
    query =
        "select o from OutboxEntry o where o.dead = false and o.nextAttemptAt <= :now order by o.nextAttemptAt")
public class OutboxEntry {

  static final String DUE = "OutboxEntry.due";

  @Id
  @Column(name = "event_id", length = 36)
  private String eventId;

  @Column(name = "channel_type", nullable = false, length = 16)
  private String type;

  @Column(name = "device_id", nullable = false, length = 4096)
  private String deviceId;

  @Column(name = "authorization_header", length = 4096)
  private String authorization;

  @Column(name = "provider_name", length = 255)
  private String providerName;

  /** Null in entries written before push channels existed. */
  @Column(name = "debug_channel")
  private Boolean debug;

  @Column(nullable = false, length = 1024)
  private String tag;

  @Column(name = "body", length = 1_000_000)
  private String message;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_error", length = 2048)
  private String lastError;

  @Column(nullable = false)
  private boolean dead;

  /** Attempts in all for this delivery; null: {@code [push] retry_max_attempts}. */
  @Column(name = "max_attempts")
  private Integer maxAttempts;

  protected OutboxEntry() {}

  OutboxEntry(Delivery d, String error, Instant nextAttemptAt, Integer maxAttempts) {
    this.eventId = d.eventId();
    this.type = d.target().type();
    this.deviceId = d.target().deviceId();
    this.authorization = d.target().authorization();
    this.providerName = d.target().provider();
    this.debug = d.target().debug();
    this.tag = d.tag();
    this.message = d.message();
    this.attempts = 1;
    this.lastError = truncate(error);
    this.nextAttemptAt = nextAttemptAt;
    this.maxAttempts = maxAttempts;
    this.dead = maxAttempts != null && attempts >= maxAttempts;
  }

  Integer maxAttempts() {
    return maxAttempts;
  }

  Delivery delivery() {
    return new Delivery(
        eventId,
        new Target(type, deviceId, authorization, Boolean.TRUE.equals(debug), providerName),
        tag,
        message == null ? "" : message);
  }

  String eventId() {
    return eventId;
  }

  Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  int attempts() {
    return attempts;
  }

  /** A node is delivering it: not due for the others until {@code until}. */
  void claim(Instant until) {
    nextAttemptAt = until;
  }

  void failedAgain(String error, Instant next, boolean giveUp) {
    attempts++;
    lastError = truncate(error);
    nextAttemptAt = next;
    dead = giveUp;
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
  }
}
