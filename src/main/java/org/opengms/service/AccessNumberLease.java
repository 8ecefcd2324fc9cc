package org.opengms.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.opengms.persistence.ColumnLengths;

/**
 * One access number of a resource group held by one interaction until {@link #expiresAt}; the row
 * (keyed by group and number) is what makes a number exclusive across nodes.
 */
@EntityListeners(ColumnLengths.class)
@Entity
@Table(
    name = "access_number_lease",
    indexes = @Index(name = "ix_access_number_lease_interaction", columnList = "interaction_id"))
public class AccessNumberLease {

  @Id
  @Column(name = "lease_key", length = 512)
  private String key;

  @Column(name = "group_name", nullable = false, length = 255)
  private String group;

  @Column(name = "access_number", nullable = false, length = 255)
  private String number;

  @Column(name = "interaction_id", nullable = false, length = 36)
  private String interactionId;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Version private long version;

  protected AccessNumberLease() {}

  AccessNumberLease(String group, String number, String interactionId, Instant expiresAt) {
    this.key = key(group, number);
    this.group = group;
    this.number = number;
    this.interactionId = interactionId;
    this.expiresAt = expiresAt;
  }

  static String key(String group, String number) {
    return group + "\n" + number;
  }

  String number() {
    return number;
  }

  /** Whether another interaction than {@code interactionId} holds the number at {@code now}. */
  boolean isHeldByOtherThan(String interactionId, Instant now) {
    return expiresAt.isAfter(now) && !this.interactionId.equals(interactionId);
  }

  void holdFor(String interactionId, Instant expiresAt) {
    this.interactionId = interactionId;
    this.expiresAt = expiresAt;
  }
}
