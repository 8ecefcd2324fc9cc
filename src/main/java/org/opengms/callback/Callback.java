package org.opengms.callback;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opengms.persistence.ColumnLengths;

/**
 * One callback request. The columns hold what the engine selects on (state, service, desired time,
 * customer number, queue, capacity service, deadlines), each lookup indexed; every property the
 * client sent is kept as JSON in {@link #properties} (read as one value), and copied to the indexed
 * {@code callback_property} table so that queries by any property stay index lookups. The indexes
 * below are those of the V1 schema; later ones are in the migrations only (docs/schema.md).
 */
@EntityListeners(ColumnLengths.class)
@Entity
@Table(
    name = "callback",
    indexes = {
      @Index(name = "ix_callback_state_desired", columnList = "state, desired_time"),
      @Index(name = "ix_callback_service_state", columnList = "service_name, state"),
      @Index(name = "ix_callback_customer", columnList = "customer_number"),
      @Index(name = "ix_callback_desired", columnList = "desired_time"),
      @Index(
          name = "ix_callback_capacity",
          columnList = "capacity_service, desired_time, state, reason"),
      @Index(name = "ix_callback_state_expires", columnList = "state, expires_at"),
      @Index(name = "ix_callback_submit", columnList = "next_submit_at"),
      @Index(name = "ix_callback_queue_state", columnList = "queue_name, state"),
      @Index(name = "ix_callback_service_created", columnList = "service_name, created_at"),
      @Index(name = "ux_callback_request_key", columnList = "request_key", unique = true)
    })
public class Callback {

  /** Longest property value kept in the indexed property table (longer ones: JSON only). */
  static final int MAX_INDEXED_VALUE = 255;

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "service_name", nullable = false, length = 255)
  private String serviceName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private CallbackState state;

  @Column(length = 64)
  private String reason;

  @Column(name = "desired_time", nullable = false)
  private Instant desiredTime;

  @Column(name = "customer_number", length = 255)
  private String customerNumber;

  /** The virtual queue agents serve it from ({@code _urs_virtual_queue}, else the service). */
  @Column(name = "queue_name", length = 255)
  private String queue;

  /** Capacity bookings key: the service's {@code _capacity_service}, else the service itself. */
  @Column(name = "capacity_service", length = 255)
  private String capacityService;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** {@code _ttl}: not COMPLETED by then → COMPLETED FAIL_TIMEOUT_TTL. */
  @Column(name = "expires_at")
  private Instant expiresAt;

  /** Accepted as scheduled (exempt from the same-parameter daily throttle). */
  @Column(name = "scheduled_at_start", nullable = false)
  private boolean scheduledAtStart;

  /** ORS execution: when the next submit attempt is due; null when nothing is to submit. */
  @Column(name = "next_submit_at")
  private Instant nextSubmitAt;

  @Column(name = "submit_attempts", nullable = false)
  private int submitAttempts;

  /** The agent who accepted it (built-in execution). */
  @Column(name = "agent_login", length = 255)
  private String agent;

  /**
   * {@code <service>|<Idempotency-Key or _request_id>}: a retried start replays {@link #answer}.
   */
  @Column(name = "request_key", length = 512)
  private String requestKey;

  /** The JSON answered to the start request (idempotent replays). */
  @Column(name = "answer", length = 4000)
  private String answer;

  /** Every property as JSON, {@code _id} and state excluded (they are columns). */
  @Column(name = "properties", nullable = false, length = 65535)
  private String properties;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(
      name = "callback_property",
      joinColumns = @JoinColumn(name = "callback_id"),
      indexes = @Index(name = "ix_callback_property", columnList = "prop_name, prop_value"))
  @MapKeyColumn(name = "prop_name", length = 255)
  @Column(name = "prop_value", length = MAX_INDEXED_VALUE)
  private Map<String, String> indexed = new HashMap<>();

  @Version private long version;

  protected Callback() {}

  Callback(String id, String serviceName, CallbackState state, Instant desiredTime, Instant now) {
    this.id = id;
    this.serviceName = serviceName;
    this.state = state;
    this.desiredTime = desiredTime;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getServiceName() {
    return serviceName;
  }

  public CallbackState getState() {
    return state;
  }

  public String getReason() {
    return reason;
  }

  public Instant getDesiredTime() {
    return desiredTime;
  }

  public String getCustomerNumber() {
    return customerNumber;
  }

  public String getQueue() {
    return queue;
  }

  public String getCapacityService() {
    return capacityService;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public boolean isScheduledAtStart() {
    return scheduledAtStart;
  }

  public Instant getNextSubmitAt() {
    return nextSubmitAt;
  }

  public int getSubmitAttempts() {
    return submitAttempts;
  }

  public String getAgent() {
    return agent;
  }

  public String getAnswer() {
    return answer;
  }

  /** The properties (a copy). */
  public Map<String, String> properties() {
    return new LinkedHashMap<>(CallbackJson.readProperties(properties));
  }

  void setProperties(Map<String, String> values, Instant now) {
    this.properties = CallbackJson.writeProperties(values);
    this.customerNumber = values.get("_customer_number");
    indexed.clear();
    values.forEach(
        (k, v) -> {
          if (v != null && v.length() <= MAX_INDEXED_VALUE && k.length() <= 255) {
            indexed.put(k, v);
          }
        });
    this.updatedAt = now;
  }

  void moveTo(CallbackState next, String reason, Instant now) {
    this.state = next;
    this.reason = next == CallbackState.COMPLETED ? reason : null;
    this.updatedAt = now;
    if (next == CallbackState.COMPLETED) {
      this.nextSubmitAt = null;
    }
  }

  void reschedule(Instant desired, Instant now) {
    this.desiredTime = desired;
    this.updatedAt = now;
  }

  void setQueue(String queue) {
    this.queue = queue;
  }

  void setCapacityService(String capacityService) {
    this.capacityService = capacityService;
  }

  void setExpiresAt(Instant expiresAt) {
    this.expiresAt = expiresAt;
  }

  void setScheduledAtStart(boolean scheduledAtStart) {
    this.scheduledAtStart = scheduledAtStart;
  }

  void setRequestKey(String requestKey) {
    this.requestKey = requestKey;
  }

  void setAnswer(String answer) {
    this.answer = answer;
  }

  void setAgent(String agent) {
    this.agent = agent;
  }

  void submitDue(Instant at) {
    this.nextSubmitAt = at;
  }

  void submitFailed(Instant retryAt) {
    this.submitAttempts++;
    this.nextSubmitAt = retryAt;
  }

  void submitted(Instant now) {
    this.submitAttempts++;
    this.nextSubmitAt = null;
    this.updatedAt = now;
  }
}
