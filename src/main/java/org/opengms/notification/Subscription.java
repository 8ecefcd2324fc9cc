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

/** A subscriber's wish to receive events whose tag matches {@link #filter}, until it expires. */
@EntityListeners(ColumnLengths.class)
@Entity
@Table(
    name = "notification_subscription",
    indexes = {
      @Index(name = "ix_subscription_subscriber", columnList = "subscriber_id"),
      @Index(name = "ix_subscription_expires_at", columnList = "expires_at"),
      @Index(name = "ix_subscription_device", columnList = "device_id")
    })
@NamedQuery(
    name = Subscription.LIVE,
    query = "select s from Subscription s where s.expiresAt > :now and s.deactivatedAt is null")
@NamedQuery(
    name = Subscription.OF_SUBSCRIBER,
    query = "select s from Subscription s where s.subscriberId = :subscriber")
@NamedQuery(
    name = Subscription.OF_DEVICE,
    query =
        "select s from Subscription s where s.deviceId = :device and s.type in :types"
            + " and s.deactivatedAt is null")
@NamedQuery(
    name = Subscription.EXPIRED,
    query = "select s.id from Subscription s where s.expiresAt <= :now order by s.expiresAt")
public class Subscription {

  static final String LIVE = "Subscription.live";
  static final String OF_SUBSCRIBER = "Subscription.ofSubscriber";
  static final String EXPIRED = "Subscription.expired";
  static final String OF_DEVICE = "Subscription.ofDevice";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "subscriber_id", nullable = false, length = 255)
  private String subscriberId;

  @Column(name = "provider_name", length = 255)
  private String providerName;

  @Column(name = "channel_type", nullable = false, length = 16)
  private String type;

  /** The device, URL or ORS session; for comet the subscriber's {@code gms_user}. */
  @Column(name = "device_id", nullable = false, length = 4096)
  private String deviceId;

  @Column(name = "authorization_header", length = 4096)
  private String authorization;

  @Column(name = "tag_filter", nullable = false, length = 1024)
  private String filter;

  @Column(length = 32)
  private String language;

  @Column(name = "debug_channel", nullable = false)
  private boolean debug;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  /** When the push network said the device token is dead; such a subscription gets nothing. */
  @Column(name = "deactivated_at")
  private Instant deactivatedAt;

  @Column(name = "deactivation_reason", length = 512)
  private String deactivationReason;

  protected Subscription() {}

  Subscription(
      String id,
      String subscriberId,
      String providerName,
      Target target,
      String filter,
      String language,
      Instant now,
      Instant expiresAt) {
    this.id = id;
    this.subscriberId = subscriberId;
    this.providerName = providerName;
    this.type = target.type();
    this.deviceId = target.deviceId();
    this.authorization = target.authorization();
    this.debug = target.debug();
    this.filter = filter;
    this.language = language;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  public String getId() {
    return id;
  }

  public String getSubscriberId() {
    return subscriberId;
  }

  public String getFilter() {
    return filter;
  }

  void deactivate(Instant now, String reason) {
    deactivatedAt = now;
    deactivationReason =
        reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
  }

  /** An immutable copy for the in-memory index and the delivery threads. */
  boolean isDeactivated() {
    return deactivatedAt != null;
  }

  LiveSubscription snapshot() {
    return new LiveSubscription(
        id,
        subscriberId,
        providerName,
        new Target(type, deviceId, authorization, debug, providerName),
        filter,
        language,
        expiresAt);
  }
}
