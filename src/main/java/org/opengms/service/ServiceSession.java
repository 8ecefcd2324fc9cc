package org.opengms.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.opengms.persistence.ColumnLengths;

/**
 * A created instance of a configured service ({@code POST /1/service/<name>}), living until {@link
 * #expiresAt}; its user data sits in a storage area that expires with it.
 */
@EntityListeners(ColumnLengths.class)
@Entity
@Table(
    name = "service_session",
    indexes = {
      @Index(name = "ix_service_session_expires_at", columnList = "expires_at"),
      @Index(name = "ux_service_session_access_code", columnList = "access_code", unique = true)
    })
@NamedQuery(
    name = ServiceSession.EXPIRED_IDS,
    query = "select s.id from ServiceSession s where s.expiresAt <= :now order by s.expiresAt")
@NamedQuery(
    name = ServiceSession.WITH_CODE,
    query = "select count(s) from ServiceSession s where s.accessCode = :code")
@NamedQuery(
    name = ServiceSession.BY_CODE,
    query = "select s from ServiceSession s where s.accessCode = :code and s.expiresAt > :now")
public class ServiceSession {

  static final String EXPIRED_IDS = "ServiceSession.expiredIds";
  static final String WITH_CODE = "ServiceSession.withCode";
  static final String BY_CODE = "ServiceSession.byCode";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "service_name", nullable = false, length = 255)
  private String serviceName;

  @Column(name = "storage_id", nullable = false, length = 36)
  private String storageId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  /** request-interaction: the code the caller types after dialling the access number. */
  @Column(name = "access_code", length = 16)
  private String accessCode;

  /** request-interaction: the number the caller dials (fixed, or leased from a resource group). */
  @Column(name = "access_number", length = 255)
  private String accessNumber;

  /** The {@code gms_user} header of the creating request, if any (CometD notifications). */
  @Column(name = "gms_user", length = 255)
  private String gmsUser;

  @Version private long version;

  protected ServiceSession() {}

  ServiceSession(
      String id,
      String serviceName,
      String storageId,
      Instant now,
      Instant expiresAt,
      String gmsUser) {
    this.id = id;
    this.serviceName = serviceName;
    this.storageId = storageId;
    this.createdAt = now;
    this.expiresAt = expiresAt;
    this.gmsUser = gmsUser;
  }

  public String getId() {
    return id;
  }

  public String getServiceName() {
    return serviceName;
  }

  public String getStorageId() {
    return storageId;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public String getAccessCode() {
    return accessCode;
  }

  public String getAccessNumber() {
    return accessNumber;
  }

  void assignAccessNumber(String number) {
    this.accessNumber = number;
  }

  public String getGmsUser() {
    return gmsUser;
  }

  void extendTo(Instant until) {
    if (until.isAfter(expiresAt)) {
      this.expiresAt = until;
    }
  }

  void assignAccessCode(String code) {
    this.accessCode = code;
  }

  boolean isExpiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }
}
