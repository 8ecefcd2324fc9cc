package org.opengms.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.opengms.persistence.ColumnLengths;

/**
 * A chat interaction of one service ({@code POST /1/service/{id}/ixn/chat}): who the customer is,
 * where the chat is ({@link ChatState}) and which agent has it. The engine keeps open chats in
 * memory and writes a row only when the chat starts, is assigned, is re-queued or ends.
 */
@EntityListeners(ColumnLengths.class)
@Entity
@Table(
    name = "chat_session",
    indexes = {
      @Index(name = "ux_chat_session_service", columnList = "service_id", unique = true),
      @Index(name = "ix_chat_session_state", columnList = "state"),
      // chat-ntf (file transfer over CometD) names the chat by its secureKey alone
      @Index(name = "ix_chat_session_secure_key", columnList = "secure_key")
    })
@NamedQuery(
    name = ChatSession.OPEN,
    query = "select c from ChatSession c where c.state <> :finished order by c.queuedAt, c.id")
@NamedQuery(
    name = ChatSession.BY_SERVICE,
    query = "select c from ChatSession c where c.serviceId = :serviceId")
public class ChatSession {

  static final String OPEN = "ChatSession.open";
  static final String BY_SERVICE = "ChatSession.byService";

  @Id
  @Column(length = 16)
  private String id;

  @Column(name = "service_id", nullable = false, length = 36)
  private String serviceId;

  @Column(name = "service_name", nullable = false, length = 255)
  private String serviceName;

  @Column(name = "service_expires_at", nullable = false)
  private Instant serviceExpiresAt;

  @Column(name = "queue_name", nullable = false, length = 255)
  private String queue;

  /** The agent to offer the chat first (a chat callback's accepting agent); null for none. */
  @Column(name = "preferred_agent", length = 64)
  private String preferredAgent;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ChatState state;

  @Column(nullable = false, length = 1024)
  private String subject;

  @Column(nullable = false, length = 255)
  private String nickname;

  @Column(name = "first_name", length = 255)
  private String firstName;

  @Column(name = "last_name", length = 255)
  private String lastName;

  @Column(length = 255)
  private String email;

  @Column(name = "user_id", nullable = false, length = 16)
  private String userId;

  @Column(name = "secure_key", nullable = false, length = 16)
  private String secureKey;

  @Column(name = "client_tz_offset", length = 16)
  private String clientTimeZoneOffset;

  /** The service owner's {@code gms_user}: where comet notifications go. */
  @Column(name = "gms_user", length = 255)
  private String gmsUser;

  /** {@code comet}, or null for polling. */
  @Column(name = "notify_by", length = 16)
  private String notifyBy;

  @Column(name = "subscription_id", length = 255)
  private String subscriptionId;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  /** When the chat (last) joined the queue: the longest-waiting chat is served first. */
  @Column(name = "queued_at", nullable = false)
  private Instant queuedAt;

  @Column(name = "agent_login", length = 255)
  private String agentLogin;

  @Column(name = "finished_at")
  private Instant finishedAt;

  /** Where events go by native push while no session is bound; null (or unset) for none. */
  @Embedded private ChatDevice device;

  /** The customer's user data (Chat API v2), a JSON object of strings; null: none. */
  @Column(name = "user_data", length = ChatUserData.MAX_CHARS)
  private String userData;

  /** Leavers and what the nodes sharing the database keep (null when every column is). */
  @Embedded private SharedChatState shared;

  protected ChatSession() {}

  ChatSession(ChatCustomer customer, String serviceId, String serviceName, Instant expiresAt) {
    this.id = ChatIds.chatSessionId();
    this.serviceId = serviceId;
    this.serviceName = serviceName;
    this.serviceExpiresAt = expiresAt;
    this.queue = customer.queue();
    this.state = ChatState.WAITING;
    this.subject = customer.subject();
    this.nickname = customer.nickname();
    this.firstName = customer.firstName();
    this.lastName = customer.lastName();
    this.email = customer.email();
    this.userId = ChatIds.userId();
    this.secureKey = ChatIds.secureKey();
    this.clientTimeZoneOffset = customer.clientTimeZoneOffset();
    this.gmsUser = customer.gmsUser();
    this.notifyBy = customer.notifyBy();
    this.subscriptionId = customer.subscriptionId();
    this.device = customer.device();
    this.startedAt = Instant.now();
    this.queuedAt = startedAt;
  }

  public String getId() {
    return id;
  }

  public String getServiceId() {
    return serviceId;
  }

  public String getServiceName() {
    return serviceName;
  }

  public Instant getServiceExpiresAt() {
    return serviceExpiresAt;
  }

  public String getQueue() {
    return queue;
  }

  public String getPreferredAgent() {
    return preferredAgent;
  }

  void preferAgent(String login) {
    this.preferredAgent = login;
  }

  public ChatState getState() {
    return state;
  }

  public String getSubject() {
    return subject;
  }

  public String getNickname() {
    return nickname;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public String getEmail() {
    return email;
  }

  public String getUserId() {
    return userId;
  }

  public String getSecureKey() {
    return secureKey;
  }

  public String getClientTimeZoneOffset() {
    return clientTimeZoneOffset;
  }

  public String getGmsUser() {
    return gmsUser;
  }

  public boolean isComet() {
    return "comet".equals(notifyBy);
  }

  public String getSubscriptionId() {
    return subscriptionId;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getQueuedAt() {
    return queuedAt;
  }

  public String getAgentLogin() {
    return agentLogin;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  /** The customer's device for native push, or null when the chat named none. */
  public ChatDevice getDevice() {
    return device != null && device.isSet() ? device : null;
  }

  void assign(String login) {
    state = ChatState.ASSIGNED;
    agentLogin = login;
  }

  /**
   * Back to the queue, ordered as if queued at {@code queuedAt} (the engine passes an instant just
   * before the queue's head, so a restart restores the chat at the head too).
   */
  void requeue(Instant queuedAt) {
    state = ChatState.WAITING;
    agentLogin = null;
    this.queuedAt = queuedAt;
  }

  /** The customer's user data, in the order it was given. */
  public java.util.Map<String, String> getUserData() {
    return ChatUserData.parse(userData);
  }

  /** The customer renamed themselves (Chat API v2 {@code updateNickname}). */
  void rename(String nickname) {
    this.nickname = nickname;
  }

  /** Merges {@code data} into the user data (a key's new value replaces its old one). */
  void mergeUserData(java.util.Map<String, String> data) {
    this.userData = ChatUserData.merge(userData, data);
  }

  /** The leavers and what the nodes share of the chat (never null). */
  SharedChatState shared() {
    if (shared == null) {
      shared = new SharedChatState();
    }
    return shared;
  }

  /** Takes from {@code fresh} (the row as stored now) what another node may have changed. */
  void copyStateFrom(ChatSession fresh) {
    state = fresh.state;
    agentLogin = fresh.agentLogin;
    queuedAt = fresh.queuedAt;
    finishedAt = fresh.finishedAt;
    nickname = fresh.nickname;
    userData = fresh.userData;
    shared().copyFrom(fresh.shared());
  }

  void finish(Instant now) {
    state = ChatState.FINISHED;
    finishedAt = now;
  }
}
