package org.opengms.comet;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;

/**
 * The live sessions of each {@code gms_user} (or, for the agents' index, of each agent login), kept
 * as CometD adds and removes sessions (on disconnect or expiry), so finding a user's sessions costs
 * one map look-up.
 *
 * <p>Each user maps to an immutable set, replaced atomically per key: readers always see a whole
 * set, and a user without sessions has no entry.
 */
final class UserSessions implements BayeuxServer.SessionListener {

  private final ConcurrentMap<String, Set<ServerSession>> byUser = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();
  private final Function<ServerSession, Optional<String>> owner;

  /** Sessions by {@code gms_user}. */
  UserSessions() {
    this(GmsUser::of);
  }

  /** Sessions by whom {@code owner} says a session belongs to (sessions of nobody are left out). */
  UserSessions(Function<ServerSession, Optional<String>> owner) {
    this.owner = owner;
  }

  @Override
  public void sessionAdded(ServerSession session, ServerMessage handshake) {
    owner.apply(session).ifPresent(user -> add(user, session));
  }

  @Override
  public void sessionRemoved(ServerSession session, ServerMessage message, boolean timeout) {
    owner.apply(session).ifPresent(user -> remove(user, session));
  }

  /** The user's live sessions; empty when none. */
  Set<ServerSession> of(String user) {
    return byUser.getOrDefault(user, Set.of());
  }

  int count(String user) {
    return of(user).size();
  }

  int total() {
    return total.get();
  }

  private void add(String user, ServerSession session) {
    byUser.compute(
        user,
        (key, sessions) -> {
          Set<ServerSession> more = sessions == null ? new HashSet<>() : new HashSet<>(sessions);
          if (more.add(session)) {
            total.incrementAndGet();
          }
          return Set.copyOf(more);
        });
  }

  private void remove(String user, ServerSession session) {
    byUser.computeIfPresent(
        user,
        (key, sessions) -> {
          if (!sessions.contains(session)) {
            return sessions;
          }
          total.decrementAndGet();
          Set<ServerSession> fewer = new HashSet<>(sessions);
          fewer.remove(session);
          return fewer.isEmpty() ? null : Set.copyOf(fewer);
        });
  }
}
