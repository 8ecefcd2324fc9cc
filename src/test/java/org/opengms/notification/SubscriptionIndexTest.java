package org.opengms.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SubscriptionIndexTest {

  private static LiveSubscription sub(String id, String filter, Instant expires) {
    return new LiveSubscription(
        id, "s", null, new Target("httpcb", "http://x", null, false), filter, null, expires);
  }

  @Test
  void shouldMatchReferenceExampleFilters() {
    SubscriptionIndex index = new SubscriptionIndex();
    Instant later = Instant.now().plusSeconds(60);
    for (String f :
        new String[] {
          "*",
          "ors.*",
          "ors.agentavailability.*",
          "ors.agentavailability.agent123.*",
          "ors.agentavailability.agent123.available",
          "ors.other.*",
          "orsx.*",
          "ors.agentavailability.agent123"
        }) {
      index.add(sub(f, f, later));
    }

    Set<String> matched =
        index.match("ors.agentavailability.agent123.available", Instant.now()).stream()
            .map(LiveSubscription::id)
            .collect(Collectors.toSet());

    assertEquals(
        Set.of(
            "*",
            "ors.*",
            "ors.agentavailability.*",
            "ors.agentavailability.agent123.*",
            "ors.agentavailability.agent123.available"),
        matched);
  }

  @Test
  void shouldSkipExpiredAndRemovedSubscriptions() {
    SubscriptionIndex index = new SubscriptionIndex();
    index.add(sub("old", "a.*", Instant.now().minusSeconds(1)));
    index.add(sub("gone", "a.b", Instant.now().plusSeconds(60)));
    index.remove("gone");

    assertTrue(index.match("a.b", Instant.now()).isEmpty());
    assertEquals(1, index.size());
  }

  @Test
  void shouldValidateTagAndFilterGrammar() {
    assertTrue(TagFilters.isTag("ors.context.123456"));
    assertTrue(TagFilters.isTag("1abc.d_e"));
    assertFalse(TagFilters.isTag("ors..x"));
    assertFalse(TagFilters.isTag("ors.*"));
    assertFalse(TagFilters.isTag("ors."));
    assertFalse(TagFilters.isTag("é.x"));
    assertTrue(TagFilters.isFilter("*"));
    assertTrue(TagFilters.isFilter("ors.*"));
    assertFalse(TagFilters.isFilter("ors.*.x"));
    assertFalse(TagFilters.isFilter("ors."));
    assertFalse(TagFilters.isFilter(""));
  }
}
