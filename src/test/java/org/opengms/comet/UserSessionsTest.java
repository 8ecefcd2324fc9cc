package org.opengms.comet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.ServerSessionImpl;
import org.junit.jupiter.api.Test;

class UserSessionsTest {

  private final BayeuxServerImpl bayeux = new BayeuxServerImpl();
  private final UserSessions index = new UserSessions();

  private ServerSession session(String user) {
    ServerSession session = new ServerSessionImpl(bayeux);
    if (user != null) {
      GmsUser.bind(session, user);
    }
    return session;
  }

  @Test
  void shouldFindEverySessionOfUserWhenAdded() {
    ServerSession phone = session("alice");
    ServerSession tablet = session("alice");
    ServerSession bobs = session("bob");

    index.sessionAdded(phone, null);
    index.sessionAdded(tablet, null);
    index.sessionAdded(bobs, null);
    index.sessionAdded(phone, null); // twice: counted once

    assertEquals(Set.of(phone, tablet), index.of("alice"));
    assertEquals(Set.of(bobs), index.of("bob"));
    assertEquals(2, index.count("alice"));
    assertEquals(3, index.total());
  }

  @Test
  void shouldForgetUserWhenLastSessionRemoved() {
    ServerSession phone = session("alice");
    ServerSession tablet = session("alice");
    index.sessionAdded(phone, null);
    index.sessionAdded(tablet, null);

    index.sessionRemoved(phone, null, false);
    assertEquals(Set.of(tablet), index.of("alice"));
    index.sessionRemoved(phone, null, true); // again: no effect
    index.sessionRemoved(tablet, null, true);

    assertTrue(index.of("alice").isEmpty());
    assertEquals(0, index.total());
  }

  @Test
  void shouldIgnoreSessionsWithoutUser() {
    index.sessionAdded(session(null), null);

    assertEquals(0, index.total());
  }
}
