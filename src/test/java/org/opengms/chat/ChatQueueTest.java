package org.opengms.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengms.agent.AgentPresence;
import org.opengms.security.User;

class ChatQueueTest {

  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

  private final ChatQueue queue = new ChatQueue();
  private final AgentPresence presence = new AgentPresence();
  private final Map<String, User> users = new java.util.HashMap<>();
  private final List<String> assigned = new ArrayList<>();
  private final List<String> expired = new ArrayList<>();

  private void agent(String login, int maxChats, String... queues) {
    users.put(login, new User(login, "x", Set.of("agent"), login, maxChats, List.of(queues)));
  }

  private void ready(String login, Instant since) {
    presence.ready(login, true, since, since);
  }

  private static LiveChat chat(String queueName, Instant expiresAt) {
    ChatCustomer customer =
        new ChatCustomer("s", "c", null, null, null, null, null, null, null, queueName, null);
    return new LiveChat(
        new ChatSession(customer, "svc", "request-chat", expiresAt), new ArrayList<>(), 0);
  }

  private static LiveChat chat(String queueName) {
    return chat(queueName, NOW.plusSeconds(3600));
  }

  /** Routes and returns "chat id→agent" of each assignment. */
  private List<String> route() {
    queue.route(
        NOW,
        presence,
        login -> Optional.ofNullable(users.get(login)),
        new ChatQueue.Routed() {
          @Override
          public void expired(LiveChat chat) {
            expired.add(chat.id());
          }

          @Override
          public void assigned(LiveChat chat, User agent) {
            assigned.add(chat.id() + "→" + agent.login());
          }
        });
    return assigned;
  }

  @Test
  void shouldServeTheLongestWaitingChatFirst() {
    agent("a1", 1);
    ready("a1", NOW);
    LiveChat first = chat("default");
    LiveChat second = chat("default");
    queue.add(first);
    queue.add(second);

    assertEquals(List.of(first.id() + "→a1"), route());
    assertEquals(1, queue.size());
    assertEquals(List.of(first.id()), presence.chats("a1"));
  }

  @Test
  void shouldGiveTheChatToTheAgentWithFewestChatsThenReadyLongest() {
    agent("busy", 3);
    agent("free", 3);
    agent("later", 3);
    ready("busy", NOW.minusSeconds(30));
    ready("free", NOW.minusSeconds(20));
    ready("later", NOW.minusSeconds(10));
    presence.assigned("busy", "other");
    LiveChat a = chat("default");
    LiveChat b = chat("default");
    LiveChat c = chat("default");
    queue.add(a);
    queue.add(b);
    queue.add(c);

    // each assignment counts at once: free, then later, then busy and free tie at 1 → busy (ready
    // longest)
    assertEquals(List.of(a.id() + "→free", b.id() + "→later", c.id() + "→busy"), route());
  }

  @Test
  void shouldOfferAChatToItsPreferredAgentFirstWhenThatOneCanTakeIt() {
    agent("longest", 2);
    agent("accepted", 2);
    agent("away", 2);
    ready("longest", NOW.minusSeconds(60));
    ready("accepted", NOW.minusSeconds(5));
    LiveChat callbackChat = chat("default");
    callbackChat.session.preferAgent("accepted");
    LiveChat elsewhere = chat("default");
    elsewhere.session.preferAgent("away"); // not ready: routed as usual
    queue.add(callbackChat);
    queue.add(elsewhere);

    assertEquals(List.of(callbackChat.id() + "→accepted", elsewhere.id() + "→longest"), route());
  }

  @Test
  void shouldNotRouteAChatBackToAnAgentWhoLeftIt() {
    agent("a1", 2);
    ready("a1", NOW);
    LiveChat chat = chat("default");
    chat.left("a1");
    queue.add(chat);

    assertTrue(route().isEmpty());
    assertEquals(1, queue.size());

    agent("a2", 2);
    ready("a2", NOW);
    assertEquals(List.of(chat.id() + "→a2"), route());
  }

  @Test
  void shouldPutAChatAnAgentLeftAtTheHeadOfTheQueue() {
    LiveChat waiting = chat("default");
    waiting.session.requeue(NOW.minusSeconds(60));
    queue.add(waiting);
    LiveChat left = chat("default");
    left.session.requeue(NOW.minusSeconds(10)); // queued after the one waiting

    queue.addFirst(left, left.session::requeue);

    assertEquals(NOW.minusSeconds(60).minusMillis(1), left.session.getQueuedAt());
    agent("a1", 1);
    ready("a1", NOW);
    assertEquals(List.of(left.id() + "→a1"), route());
  }

  @Test
  void shouldKeepItsOwnQueueTimeWhenAlreadyBeforeTheHead() {
    LiveChat waiting = chat("default");
    waiting.session.requeue(NOW.minusSeconds(10));
    queue.add(waiting);
    LiveChat left = chat("default");
    left.session.requeue(NOW.minusSeconds(60));

    queue.addFirst(left, left.session::requeue);

    assertEquals(NOW.minusSeconds(60), left.session.getQueuedAt());
  }

  @Test
  void shouldGiveChatsOnlyToReadyAgentsServingTheirQueueBelowMaxChats() {
    agent("sales", 2, "sales");
    agent("all", 1);
    agent("notReady", 5);
    users.put("admin", new User("admin", "x", Set.of("admin"), "admin", 5, List.of()));
    ready("sales", NOW);
    ready("all", NOW);
    ready("admin", NOW);
    presence.ready("notReady", false, NOW, NOW);
    LiveChat support1 = chat("support");
    LiveChat support2 = chat("support");
    LiveChat sales = chat("sales");
    queue.add(support1);
    queue.add(support2);
    queue.add(sales);

    // support1 to the agent serving every queue, who is then full; support2 waits
    assertEquals(List.of(support1.id() + "→all", sales.id() + "→sales"), route());
    assertEquals(1, queue.size());
    assertEquals(1, queue.waiting("support"));
    assertEquals(0, queue.waiting("sales"));
  }

  @Test
  void shouldEndChatsWhoseServiceExpiredWhileWaiting() {
    agent("a1", 1);
    ready("a1", NOW);
    LiveChat gone = chat("default", NOW);
    LiveChat live = chat("default");
    queue.add(gone);
    queue.add(live);

    assertEquals(List.of(live.id() + "→a1"), route());
    assertEquals(List.of(gone.id()), expired);
    assertEquals(0, queue.size());
  }
}
