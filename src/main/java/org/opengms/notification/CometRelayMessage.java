package org.opengms.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import org.opengms.persistence.ColumnLengths;

/**
 * A comet notification for the nodes of a cluster: the publishing node delivers to the sessions it
 * holds and stores it here, the others are signalled its id and deliver to theirs. Kept a minute
 * ({@link CometRelayExpiry}); CometD itself keeps nothing for a user who is not connected.
 */
@EntityListeners(ColumnLengths.class)
@Entity
@Table(
    name = "comet_relay",
    indexes = @Index(name = "ix_comet_relay_created", columnList = "created_at"))
public class CometRelayMessage {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "gms_user", nullable = false, length = 256)
  private String gmsUser;

  @Column(nullable = false, length = 1024)
  private String tag;

  /** The envelope id every device gets, whichever node holds its session. */
  @Column(name = "envelope_id", nullable = false, length = 32)
  private String envelopeId;

  @Column(length = 1_000_000)
  private String message;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected CometRelayMessage() {}

  CometRelayMessage(
      String id, String gmsUser, String tag, String envelopeId, String message, Instant createdAt) {
    this.id = id;
    this.gmsUser = gmsUser;
    this.tag = tag;
    this.envelopeId = envelopeId;
    this.message = message;
    this.createdAt = createdAt;
  }

  String id() {
    return id;
  }

  String gmsUser() {
    return gmsUser;
  }

  String tag() {
    return tag;
  }

  String envelopeId() {
    return envelopeId;
  }

  String message() {
    return message;
  }
}
