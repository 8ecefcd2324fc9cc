package org.opengms.chat;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.opengms.api.error.AccessDeniedException;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.PayloadTooLargeException;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.security.User;
import org.opengms.service.BuiltinService;
import org.opengms.service.ServiceDefinition;
import org.opengms.service.ServiceEnded;
import org.opengms.service.ServiceManager;
import org.opengms.service.ServiceSession;
import org.opengms.statistics.MetricsChanged;
import org.opengms.time.ServerClock;

/**
 * The built-in chat engine. Open chats live in memory (restored from the database at start-up);
 * each transcript event costs one insert, each routing change one update. Waiting chats form a
 * queue served longest-waiting first by ready agents below their {@code max_chats}. Chats idle
 * longer than their idle timeout are ended by the expiry timer ({@link IdleChats}).
 *
 * <p>Locking: {@link #routing} guards the queue and the agents; each {@link LiveChat}'s monitor
 * guards its transcript. Whoever needs both takes {@link #routing} first.
 */
@ApplicationScoped
public class ChatEngine {

  private static final Logger LOG = Logger.getLogger(ChatEngine.class.getName());
  private static final String DEFAULT_QUEUE = "default";
  private static final int MAX_FIELD_CHARS = 255;
  private static final int MAX_SUBJECT_CHARS = 1024;
  private static final int RECENTLY_FINISHED = 10_000;

  @EJB ChatStore store;
  @EJB ServiceManager services;
  @Inject ConfigurationProvider configuration;
  @Inject ChatPush push;
  @Inject ServerClock clock;
  @Inject Event<MetricsChanged> metricsChanged;

  private static final MetricsChanged QUEUES_AND_AGENTS =
      new MetricsChanged(Set.of(ChatMetrics.QUEUE, ChatMetrics.AGENT));

  /** Counters for statistics (answered chats, handle times); guarded by {@link #routing}. */
  private final ChatFigures figures = new ChatFigures();

  private final Object routing = new Object();
  private final Map<String, LiveChat> byId = new ConcurrentHashMap<>();
  private final Map<String, LiveChat> byService = new ConcurrentHashMap<>();
  private final Deque<LiveChat> waiting = new ArrayDeque<>();
  private final Map<String, Agent> agents = new HashMap<>();

  /**
   * Chats finished lately, by service id, so a customer still polling without a position is shown
   * the last events (Notice.Left) once; bounded, older ones are read from the database.
   */
  private final Map<String, LiveChat> finished =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LiveChat> eldest) {
              return size() > RECENTLY_FINISHED;
            }
          });

  /** An agent's presence and the chats they have, in memory. */
  private static final class Agent {
    final String login;
    boolean ready;
    Instant readySince = Instant.EPOCH;
    Instant loggedInSince; // business time of the first presence change; null: logged out
    final Set<String> chats = new LinkedHashSet<>();

    Agent(String login) {
      this.login = login;
    }
  }

  /** Reloads open chats: waiting ones queue again, assigned ones stay with their agent. */
  void restore() {
    synchronized (routing) {
      store
          .open()
          .forEach(
              (chat, events) -> {
                LiveChat live = new LiveChat(chat, new ArrayList<>(events), events.size());
                register(live);
                if (chat.getState() == ChatState.WAITING) {
                  rememberLeavers(live, events);
                  waiting.add(live);
                } else {
                  agent(chat.getAgentLogin()).chats.add(chat.getId());
                }
              });
      LOG.info(() -> "Chats restored: " + byId.size() + " open, " + waiting.size() + " waiting");
    }
  }

  /**
   * A re-queued chat is not routed back to the agents who left it: after a restart they are known
   * from its agent {@code Notice.Left} events, by nickname (every agent with that nickname).
   */
  private void rememberLeavers(LiveChat live, List<TranscriptEvent> events) {
    Map<String, User> users = configuration.current().users().all();
    for (TranscriptEvent e : events) {
      if (TranscriptEvent.LEFT.equals(e.type()) && TranscriptEvent.AGENT.equals(e.userType())) {
        users.values().stream()
            .filter(u -> e.nickname().equals(u.nickname()))
            .forEach(u -> live.left(u.login()));
      }
    }
  }

  // ---------------------------------------------------------------- customer side

  /** {@code POST /1/service/{id}/ixn/chat}. */
  public ChatView.Snapshot start(String serviceId, Map<String, String> p, String requestGmsUser) {
    ServiceSession service = services.find(serviceId);
    ServiceDefinition definition = definition(service.getServiceName());
    if (!definition.isBuiltin(BuiltinService.REQUEST_CHAT)
        && !definition.isBuiltin(BuiltinService.REQUEST_CHAT_POLL)) {
      throw new InvalidRequestException("Service " + definition.name() + " does not offer chat");
    }
    String subject = p.get("subject");
    if (subject == null || subject.isBlank()) {
      throw new InvalidRequestException("subject is mandatory");
    }
    String notifyBy = blankToNull(p.get("notify_by"));
    if (notifyBy != null && !notifyBy.equals("comet")) {
      throw new InvalidRequestException("notify_by must be comet, not " + notifyBy);
    }
    String gmsUser = service.getGmsUser() != null ? service.getGmsUser() : requestGmsUser;
    if (notifyBy != null && (gmsUser == null || gmsUser.isBlank())) {
      throw new InvalidRequestException("notify_by=comet needs the gms_user header");
    }
    String firstName = field(p, "firstName", MAX_FIELD_CHARS);
    String lastName = field(p, "lastName", MAX_FIELD_CHARS);
    String nickname = field(p, "userDisplayName", MAX_FIELD_CHARS);
    if (nickname == null) {
      String name =
          ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName));
      nickname = name.isBlank() ? "Customer" : name.strip();
    }
    ChatSession.Customer customer =
        new ChatSession.Customer(
            limited(subject, "subject", MAX_SUBJECT_CHARS),
            nickname,
            firstName,
            lastName,
            field(p, "email", MAX_FIELD_CHARS),
            field(p, "clientTimeZoneOffset", 16),
            gmsUser,
            notifyBy,
            field(p, "subscriptionID", MAX_FIELD_CHARS),
            definition.option("_queue").orElse(DEFAULT_QUEUE));
    synchronized (routing) {
      if (byService.containsKey(serviceId) || store.byService(serviceId).isPresent()) {
        throw new InvalidRequestException("A chat was already started for service " + serviceId);
      }
      ChatSession chat =
          new ChatSession(customer, serviceId, definition.name(), service.getExpiresAt());
      store.create(chat);
      LiveChat live = new LiveChat(chat, new ArrayList<>(), 0);
      register(live);
      waiting.add(live);
      route();
      return new ChatView.Snapshot(chat, "CONNECTED", 1, null);
    }
  }

  /** {@code refresh}, with an optional {@code message} and {@code transcriptPosition}. */
  public ChatView.Snapshot refresh(String serviceId, Map<String, String> p) {
    LiveChat chat = customerChat(serviceId);
    String message = p.get("message");
    Integer from = position(p.get("transcriptPosition"));
    chat.touch(Instant.now()); // a polling customer is not idle
    synchronized (chat) {
      if (message != null && !message.isEmpty()) {
        requireOpen(chat);
        append(chat, client(chat, TranscriptEvent.MESSAGE, checked(message)));
      }
      return show(chat, from);
    }
  }

  /** {@code send} ({@code message} mandatory), {@code startTyping}, {@code stopTyping}, ... */
  public ChatView.Snapshot act(String serviceId, String action, Map<String, String> p) {
    LiveChat chat = customerChat(serviceId);
    TranscriptEvent event =
        switch (action) {
          case "send" -> {
            String message = p.get("message");
            if (message == null || message.isEmpty()) {
              throw new InvalidRequestException("message is mandatory");
            }
            yield client(chat, TranscriptEvent.MESSAGE, checked(message));
          }
          case "startTyping" -> client(chat, TranscriptEvent.TYPING_STARTED, "is typing");
          case "stopTyping" -> client(chat, TranscriptEvent.TYPING_STOPPED, "stopped typing");
          case "customNotice" ->
              client(chat, TranscriptEvent.CUSTOM, checked(p.getOrDefault("message", "")));
          default -> throw new ResourceNotFoundException("Unknown chat request " + action);
        };
    Integer from = position(p.get("transcriptPosition"));
    synchronized (chat) {
      requireOpen(chat);
      append(chat, event);
      return show(chat, from);
    }
  }

  /** {@code disconnect}: the customer leaves; the chat ends (again: no change). */
  public ChatView.Snapshot disconnect(String serviceId) {
    LiveChat chat = customerChat(serviceId);
    synchronized (routing) {
      synchronized (chat) {
        if (chat.session.getState() != ChatState.FINISHED) {
          finish(chat, client(chat, TranscriptEvent.LEFT, "has left the session"));
          route();
        }
        chat.markSeen();
        return new ChatView.Snapshot(chat.session, "TRANSCRIPT", chat.size() + 1, null);
      }
    }
  }

  /** The chat of a service ended by DELETE ends too, the customer having left. */
  void serviceEnded(@Observes ServiceEnded ended) {
    LiveChat chat = byService.get(ended.serviceId());
    if (chat == null) {
      return;
    }
    synchronized (routing) {
      synchronized (chat) {
        if (chat.session.getState() != ChatState.FINISHED) {
          finish(chat, client(chat, TranscriptEvent.LEFT, "has left the session"));
          route();
        }
      }
    }
  }

  // ---------------------------------------------------------------- agent side

  /** The agent's presence: {@code login}, {@code nickname}, {@code ready}, chats. */
  public Map<String, Object> me(User user) {
    synchronized (routing) {
      Agent agent = agent(user.login());
      Map<String, Object> json = new java.util.LinkedHashMap<>();
      json.put("login", user.login());
      json.put("nickname", user.nickname());
      json.put("ready", agent.ready);
      json.put("maxChats", user.maxChats());
      json.put("queues", user.queues());
      json.put("chats", List.copyOf(agent.chats));
      return json;
    }
  }

  public void ready(User user, boolean ready) {
    synchronized (routing) {
      Agent agent = agent(user.login());
      if (ready && !agent.ready) {
        agent.readySince = Instant.now();
      }
      if (agent.loggedInSince == null) {
        agent.loggedInSince = clock.now();
      }
      agent.ready = ready;
      push.presence(user.login(), ready);
      if (ready) {
        route();
      } else {
        metricsChanged.fire(QUEUES_AND_AGENTS);
      }
    }
  }

  /** The agent's assigned chats, oldest assignment first. */
  public List<Map<String, Object>> chats(User user) {
    List<LiveChat> mine = new ArrayList<>();
    synchronized (routing) {
      for (String id : agent(user.login()).chats) {
        Optional.ofNullable(byId.get(id)).ifPresent(mine::add);
      }
    }
    return mine.stream().map(c -> ChatView.agent(c.session, c.size(), null)).toList();
  }

  /** One of the agent's chats (also a finished one they had) with its transcript. */
  public Map<String, Object> transcript(User user, String chatId, String transcriptPosition) {
    LiveChat chat = agentChat(user, chatId);
    Integer from = position(transcriptPosition);
    synchronized (chat) {
      return ChatView.agent(chat.session, chat.size(), chat.from(from == null ? 1 : from));
    }
  }

  /** {@code send} ({@code message}), {@code startTyping}, {@code stopTyping}, {@code pushUrl}. */
  public Map<String, Object> act(User user, String chatId, String action, Map<String, String> p) {
    LiveChat chat = agentChat(user, chatId);
    if (action.equals("leave")) {
      return leave(user, chat);
    }
    TranscriptEvent event =
        switch (action) {
          case "send" -> {
            String message = p.get("message");
            if (message == null || message.isEmpty()) {
              throw new InvalidRequestException("message is mandatory");
            }
            yield agentEvent(chat, user, TranscriptEvent.MESSAGE, checked(message));
          }
          case "startTyping" -> agentEvent(chat, user, TranscriptEvent.TYPING_STARTED, "is typing");
          case "stopTyping" ->
              agentEvent(chat, user, TranscriptEvent.TYPING_STOPPED, "stopped typing");
          case "pushUrl" -> agentEvent(chat, user, TranscriptEvent.PUSH_URL, url(p.get("url")));
          default -> throw new ResourceNotFoundException("Unknown agent chat request " + action);
        };
    synchronized (chat) {
      requireAssigned(chat, user);
      append(chat, event);
      return ChatView.agent(chat.session, chat.size(), null);
    }
  }

  private Map<String, Object> leave(User user, LiveChat chat) {
    synchronized (routing) {
      synchronized (chat) {
        requireAssigned(chat, user);
        TranscriptEvent left = agentEvent(chat, user, TranscriptEvent.LEFT, "has left the session");
        GmsConfiguration config = configuration.current();
        if (config
            .chat()
            .requeueOnAgentLeave(config.services().find(chat.session.getServiceName()))) {
          append(chat, left);
          agent(user.login()).chats.remove(chat.id());
          figures.ended(chat.id(), clock.now());
          chat.session.requeue(headOfQueue(chat));
          chat.left(user.login());
          store.saveState(chat.session);
          waiting.addFirst(chat);
          push.ended(chat.session, user.login());
        } else {
          finish(chat, left);
        }
        route();
        return ChatView.agent(chat.session, chat.size(), null);
      }
    }
  }

  /**
   * When a chat put back at the head of the queue counts as queued: before the chat at the head
   * (the queue is in queuedAt order), so a restart, which orders by queuedAt, keeps it there.
   */
  private Instant headOfQueue(LiveChat chat) {
    LiveChat head = waiting.peekFirst();
    Instant own = chat.session.getQueuedAt();
    return head == null || head.session.getQueuedAt().isAfter(own)
        ? own
        : head.session.getQueuedAt().minusMillis(1);
  }

  // ---------------------------------------------------------------- idle chats

  /**
   * Ends up to {@code max} chats idle longer than their idle timeout, as if the customer had left
   * ({@code Notice.Left}, pushed like any event); the agent loses the chat. Waiting chats count
   * too: a customer who neither polls nor writes has abandoned the chat.
   *
   * @return how many ended; fewer than {@code max} means no idle chat is left
   */
  int endIdle(int max) {
    Instant now = Instant.now();
    GmsConfiguration config = configuration.current();
    List<LiveChat> idle = new ArrayList<>();
    for (LiveChat chat : byId.values()) {
      if (idle.size() == max) {
        break;
      }
      if (isIdle(chat, config, now)) {
        idle.add(chat);
      }
    }
    if (idle.isEmpty()) {
      return 0;
    }
    synchronized (routing) {
      for (LiveChat chat : idle) {
        synchronized (chat) {
          if (chat.session.getState() != ChatState.FINISHED && isIdle(chat, config, now)) {
            finish(chat, client(chat, TranscriptEvent.LEFT, "has left the session"));
            LOG.fine(() -> "Chat " + chat.id() + " ended: idle");
          }
        }
      }
      route();
    }
    return idle.size();
  }

  private static boolean isIdle(LiveChat chat, GmsConfiguration config, Instant now) {
    return chat.idleAt(
        now,
        config.chat().idleTimeoutSeconds(config.services().find(chat.session.getServiceName())));
  }

  // ---------------------------------------------------------------- routing

  /** Gives waiting chats, longest-waiting first, to free agents. Holds {@link #routing}. */
  private void route() {
    GmsConfiguration config = configuration.current();
    Instant now = Instant.now();
    for (Iterator<LiveChat> it = waiting.iterator(); it.hasNext(); ) {
      LiveChat chat = it.next();
      if (!chat.session.getServiceExpiresAt().isAfter(now)) {
        it.remove();
        synchronized (chat) {
          finish(chat);
        }
        continue;
      }
      Optional<Agent> agent =
          freeAgent(config, chat.session.getQueue(), a -> !chat.hasLeft(a.login));
      if (agent.isPresent()) {
        it.remove();
        assign(chat, agent.get(), config.users().find(agent.get().login).orElseThrow());
      }
    }
    metricsChanged.fire(QUEUES_AND_AGENTS);
  }

  private void assign(LiveChat chat, Agent agent, User user) {
    synchronized (chat) {
      chat.session.assign(agent.login);
      store.saveState(chat.session);
      agent.chats.add(chat.id());
      figures.answered(chat.session.getQueue(), chat.id(), clock.now());
      push.assigned(chat.session, chat.size());
      append(chat, agentEvent(chat, user, TranscriptEvent.JOINED, "has joined the session"));
    }
  }

  /** The ready agent serving {@code queue} with the fewest chats, below their limit. */
  private Optional<Agent> freeAgent(
      GmsConfiguration config, String queue, java.util.function.Predicate<Agent> eligible) {
    return agents.values().stream()
        .filter(a -> a.ready)
        .filter(eligible)
        .filter(
            a ->
                config
                    .users()
                    .find(a.login)
                    .filter(u -> u.hasRole("agent"))
                    .filter(u -> a.chats.size() < u.maxChats())
                    .filter(u -> u.queues().isEmpty() || u.queues().contains(queue))
                    .isPresent())
        .min(Comparator.comparingInt((Agent a) -> a.chats.size()).thenComparing(a -> a.readySince));
  }

  /** Ends a chat. Holds {@link #routing} and the chat's monitor. */
  private void finish(LiveChat chat) {
    finish(chat, null);
  }

  /**
   * Ends a chat with {@code last} (when not null) as its final event: appended once the chat is
   * finished, so its push to a comet customer already says DISCONNECTED, and before the agent hears
   * {@code ended}. Holds {@link #routing} and the chat's monitor.
   */
  private void finish(LiveChat chat, TranscriptEvent last) {
    waiting.remove(chat);
    if (chat.session.getAgentLogin() != null) {
      agent(chat.session.getAgentLogin()).chats.remove(chat.id());
    }
    figures.ended(chat.id(), clock.now());
    chat.session.finish(Instant.now());
    store.saveState(chat.session);
    byId.remove(chat.id());
    byService.remove(chat.session.getServiceId());
    finished.put(chat.session.getServiceId(), chat);
    if (last != null) {
      append(chat, last);
    }
    push.ended(chat.session, chat.session.getAgentLogin());
  }

  // ---------------------------------------------------------------- files (chat.files)

  /** Chat {@code chatId} (an open one as it is now); empty when unknown. */
  public Optional<ChatSession> session(String chatId) {
    LiveChat live = byId.get(chatId);
    return live != null ? Optional.of(live.session) : store.find(chatId);
  }

  /** The id of the chat whose secureKey is {@code secureKey}. */
  public Optional<String> chatIdBySecureKey(String secureKey) {
    return store.idBySecureKey(secureKey);
  }

  /** The index the chat's next event will have (its events are numbered from 1). */
  public int nextPosition(String chatId) {
    LiveChat live = byId.get(chatId);
    return 1 + (live != null ? live.size() : store.transcript(chatId).size());
  }

  /**
   * Adds an event with {@code userData} by the customer ({@code agent} null) or by the agent of
   * open chat {@code chatId}.
   *
   * @return the event's position, 0 when the chat is no longer open (nothing is added)
   */
  public int append(
      String chatId, User agent, String type, String text, Map<String, String> userData) {
    LiveChat chat = byId.get(chatId);
    if (chat == null) {
      return 0;
    }
    synchronized (chat) {
      if (chat.session.getState() == ChatState.FINISHED
          || (agent != null && !agent.login().equals(chat.session.getAgentLogin()))) {
        return 0;
      }
      TranscriptEvent e =
          agent == null ? client(chat, type, text) : agentEvent(chat, agent, type, text);
      append(
          chat,
          new TranscriptEvent(
              e.type(), e.nickname(), e.text(), e.secondsFromStart(), e.userType(), userData));
      return chat.size();
    }
  }

  // ---------------------------------------------------------------- statistics

  /** The figures of {@code queue} now: waiting chats, ready agents serving it, counters. */
  public ChatFigures.Queue queueFigures(String queue) {
    GmsConfiguration config = configuration.current();
    synchronized (routing) {
      int waitingChats = 0;
      for (LiveChat chat : waiting) {
        if (queue.equals(chat.session.getQueue())) {
          waitingChats++;
        }
      }
      int ready = 0;
      int capacity = 0;
      int free = 0;
      for (Agent agent : agents.values()) {
        Optional<User> user =
            config
                .users()
                .find(agent.login)
                .filter(u -> u.hasRole("agent"))
                .filter(u -> u.queues().isEmpty() || u.queues().contains(queue));
        if (agent.ready && user.isPresent()) {
          int slots = Math.max(0, user.get().maxChats() - agent.chats.size());
          capacity += user.get().maxChats();
          free += slots;
          ready += slots > 0 ? 1 : 0;
        }
      }
      return new ChatFigures.Queue(
          waitingChats,
          ready,
          capacity,
          free,
          figures.answered(queue),
          figures.handledCount(queue),
          figures.handledSeconds(queue));
    }
  }

  /** The presence of agent {@code login} now: LoggedOut, NotReady, Ready or Busy (at max_chats). */
  public ChatFigures.Agent agentFigures(String login, int maxChats) {
    synchronized (routing) {
      Agent agent = agents.get(login);
      if (agent == null) {
        return new ChatFigures.Agent("LoggedOut", null, 0);
      }
      String state;
      if (agent.loggedInSince == null) {
        state = "LoggedOut";
      } else if (!agent.ready) {
        state = "NotReady";
      } else {
        state = agent.chats.size() < maxChats ? "Ready" : "Busy";
      }
      return new ChatFigures.Agent(state, agent.loggedInSince, agent.chats.size());
    }
  }

  // ---------------------------------------------------------------- helpers

  private Agent agent(String login) {
    return agents.computeIfAbsent(login, Agent::new);
  }

  private void register(LiveChat chat) {
    byId.put(chat.id(), chat);
    byService.put(chat.session.getServiceId(), chat);
  }

  /** The chat of a live service: in memory while open, else from the database; 404, 400. */
  private LiveChat customerChat(String serviceId) {
    LiveChat live = byService.get(serviceId);
    if (live != null && live.session.getServiceExpiresAt().isAfter(Instant.now())) {
      return live;
    }
    services.find(serviceId); // 404 for an unknown, ended or expired service
    LiveChat recent = finished.get(serviceId);
    if (recent != null) {
      return recent;
    }
    return store
        .byService(serviceId)
        .map(
            c -> {
              List<TranscriptEvent> events = new ArrayList<>(store.transcript(c.getId()));
              return new LiveChat(c, events, events.size());
            })
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "No chat for service " + serviceId + ": start one with ixn/chat first"));
  }

  /** One of the agent's chats: 404 unknown, 403 another agent's (nothing changes). */
  private LiveChat agentChat(User user, String chatId) {
    LiveChat live = byId.get(chatId);
    LiveChat chat =
        live != null
            ? live
            : store
                .find(chatId)
                .map(c -> new LiveChat(c, new ArrayList<>(store.transcript(c.getId())), 0))
                .orElseThrow(() -> new ResourceNotFoundException("Chat " + chatId + " not found"));
    if (!user.login().equals(chat.session.getAgentLogin())) {
      throw new AccessDeniedException("Chat " + chatId + " is not assigned to " + user.login());
    }
    return chat;
  }

  private static void requireAssigned(LiveChat chat, User user) {
    if (chat.session.getState() == ChatState.FINISHED) {
      throw new InvalidRequestException("Chat " + chat.id() + " is finished");
    }
    if (!user.login().equals(chat.session.getAgentLogin())) {
      throw new AccessDeniedException("Chat " + chat.id() + " is not assigned to " + user.login());
    }
  }

  private static void requireOpen(LiveChat chat) {
    if (chat.session.getState() == ChatState.FINISHED) {
      throw new InvalidRequestException("Chat " + chat.id() + " is finished");
    }
  }

  /** Stores, keeps and pushes one event. Holds the chat's monitor. */
  private void append(LiveChat chat, TranscriptEvent event) {
    int position = chat.size() + 1;
    store.append(chat.id(), position, event);
    chat.add(event);
    chat.touch(Instant.now());
    push.event(chat.session, position, event);
  }

  private ChatView.Snapshot show(LiveChat chat, Integer from) {
    if (chat.session.isComet()) {
      chat.markSeen();
      return new ChatView.Snapshot(chat.session, "TRANSCRIPT", chat.size() + 1, null);
    }
    List<TranscriptEvent> shown;
    if (from != null) {
      shown = chat.from(from);
      chat.markSeen();
    } else {
      shown = chat.unseen();
    }
    return new ChatView.Snapshot(chat.session, "TRANSCRIPT", chat.size() + 1, shown);
  }

  private static TranscriptEvent client(LiveChat chat, String type, String text) {
    return new TranscriptEvent(
        type,
        chat.session.getNickname(),
        text,
        ChatView.secondsFromStart(chat.session, Instant.now()),
        TranscriptEvent.CLIENT);
  }

  private static TranscriptEvent agentEvent(LiveChat chat, User user, String type, String text) {
    return new TranscriptEvent(
        type,
        user.nickname(),
        text,
        ChatView.secondsFromStart(chat.session, Instant.now()),
        TranscriptEvent.AGENT);
  }

  private String checked(String text) {
    int max = configuration.current().chat().maxMessageBytes();
    if (text.getBytes(StandardCharsets.UTF_8).length > max) {
      throw new PayloadTooLargeException("Message exceeds the limit of " + max + " bytes");
    }
    return text;
  }

  private static String url(String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidRequestException("url is mandatory");
    }
    try {
      URI uri = new URI(url);
      if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null
          && url.length() <= 2048) {
        return url;
      }
    } catch (java.net.URISyntaxException e) {
      // refused below
    }
    throw new InvalidRequestException("url must be an http(s) URL");
  }

  private static Integer position(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int position = Integer.parseInt(value.strip());
      if (position >= 1) {
        return position;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidRequestException("transcriptPosition must be a number from 1 on: " + value);
  }

  private ServiceDefinition definition(String name) {
    return configuration
        .current()
        .services()
        .find(name)
        .orElseThrow(
            () -> new ResourceNotFoundException("Service " + name + " is no longer configured"));
  }

  private static String field(Map<String, String> p, String name, int max) {
    String value = blankToNull(p.get(name));
    return value == null ? null : limited(value, name, max);
  }

  private static String limited(String value, String name, int max) {
    if (value.length() > max) {
      throw new InvalidRequestException(name + " is longer than " + max + " characters");
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
