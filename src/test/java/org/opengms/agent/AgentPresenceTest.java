package org.opengms.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.opengms.security.User;

class AgentPresenceTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private final AgentPresence presence = new AgentPresence();
  private final Map<String, User> users =
      Map.of(
          "a1", new User("a1", "x", Set.of("agent"), "A1", 2, List.of()),
          "a2", new User("a2", "x", Set.of("agent"), "A2", 3, List.of("sales")),
          "boss", new User("boss", "x", Set.of("admin"), "Boss", 2, List.of()));
  private final Function<String, Optional<User>> find = l -> Optional.ofNullable(users.get(l));

  @Test
  void shouldBeLoggedOutUntilTheFirstPresenceChange() {
    assertEquals(new AgentPresence.State("LoggedOut", null, 0), presence.state("a1", 2));
    assertFalse(presence.isReady("a1"));
    assertEquals(List.of(), presence.chats("a1"));
  }

  @Test
  void shouldGoFromNotReadyToReadyToBusyKeepingTheFirstLoginTime() {
    presence.ready("a1", false, T0, T0);
    assertEquals(new AgentPresence.State("NotReady", T0, 0), presence.state("a1", 2));

    presence.ready("a1", true, T0.plusSeconds(5), T0.plusSeconds(5));
    assertTrue(presence.isReady("a1"));
    assertEquals("Ready", presence.state("a1", 2).state());
    assertEquals(T0, presence.state("a1", 2).loggedInSince());

    presence.assigned("a1", "c1");
    presence.assigned("a1", "c2");
    assertEquals(new AgentPresence.State("Busy", T0, 2), presence.state("a1", 2));
    assertEquals(List.of("c1", "c2"), presence.chats("a1"));

    presence.released("a1", "c1");
    assertEquals(new AgentPresence.State("Ready", T0, 1), presence.state("a1", 2));
    assertEquals(List.of("c2"), presence.chats("a1"));
  }

  @Test
  void shouldCountReadyAgentsServingTheQueueAndTheirFreeSlots() {
    presence.ready("a1", true, T0, T0); // serves every queue, 2 slots
    presence.ready("a2", true, T0, T0); // serves sales, 3 slots
    presence.ready("boss", true, T0, T0); // not an agent
    presence.assigned("a1", "c1");
    presence.assigned("a1", "c2"); // full

    assertEquals(new AgentPresence.Capacity(1, 5, 3), presence.capacity("sales", find));
    assertEquals(new AgentPresence.Capacity(0, 2, 0), presence.capacity("support", find));

    presence.ready("a2", false, T0, T0);
    assertEquals(new AgentPresence.Capacity(0, 2, 0), presence.capacity("sales", find));
  }

  @Test
  void shouldPreferFewestChatsThenTheAgentReadyLongest() {
    presence.ready("a1", true, T0.plusSeconds(10), T0);
    presence.ready("a2", true, T0, T0);
    assertEquals(Optional.of("a2"), presence.freeAgent("sales", find, l -> true));
    assertEquals(Optional.of("a1"), presence.freeAgent("sales", find, l -> !l.equals("a2")));
    assertEquals(Optional.of("a1"), presence.freeAgent("support", find, l -> true));

    presence.assigned("a2", "c1");
    assertEquals(Optional.of("a1"), presence.freeAgent("sales", find, l -> true));

    // ready again while ready: keeps the earlier ready time
    presence.ready("a2", true, T0.plusSeconds(99), T0);
    presence.assigned("a1", "c2");
    assertEquals(Optional.of("a2"), presence.freeAgent("sales", find, l -> true));
  }

  @Test
  void shouldNotOfferAnAgentAtMaxChatsOrUnknown() {
    presence.ready("a1", true, T0, T0);
    presence.ready("ghost", true, T0, T0);
    presence.assigned("a1", "c1");
    presence.assigned("a1", "c2");
    assertEquals(Optional.empty(), presence.freeAgent("default", find, l -> true));
  }
}
