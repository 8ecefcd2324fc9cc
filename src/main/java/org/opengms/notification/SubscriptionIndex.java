package org.opengms.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live subscriptions by filter, so matching a tag costs one lookup per dot of the tag plus the
 * matches, however many subscriptions with other filters exist: exact filters by tag, {@code
 * prefix.*} filters by prefix, {@code *} in a list of its own. Rebuilt from the database at
 * start-up; this node's changes update it after they commit.
 */
@ApplicationScoped
public class SubscriptionIndex {

  private final Map<String, LiveSubscription> byId = new ConcurrentHashMap<>();
  private final Map<String, Map<String, LiveSubscription>> exact = new ConcurrentHashMap<>();
  private final Map<String, Map<String, LiveSubscription>> prefixes = new ConcurrentHashMap<>();
  private final Map<String, LiveSubscription> all = new ConcurrentHashMap<>();

  public void add(LiveSubscription s) {
    byId.put(s.id(), s);
    bucket(s.filter()).put(s.id(), s);
  }

  public void remove(String id) {
    LiveSubscription s = byId.remove(id);
    if (s != null) {
      Map<String, LiveSubscription> bucket = bucket(s.filter());
      bucket.remove(id);
    }
  }

  /** Removes every subscription whose id is not in {@code ids} (a resync from the database). */
  public void retainOnly(java.util.Set<String> ids) {
    for (String id : List.copyOf(byId.keySet())) {
      if (!ids.contains(id)) {
        remove(id);
      }
    }
  }

  public void removeAll(Collection<String> ids) {
    ids.forEach(this::remove);
  }

  /** The live subscriptions whose filter selects {@code tag}. */
  public List<LiveSubscription> match(String tag, Instant now) {
    List<LiveSubscription> found = new ArrayList<>();
    collect(all, now, found);
    collect(exact.get(tag), now, found);
    for (int dot = tag.indexOf('.'); dot >= 0; dot = tag.indexOf('.', dot + 1)) {
      collect(prefixes.get(tag.substring(0, dot + 1)), now, found);
    }
    return found;
  }

  public int size() {
    return byId.size();
  }

  private static void collect(
      Map<String, LiveSubscription> bucket, Instant now, List<LiveSubscription> into) {
    if (bucket != null) {
      for (LiveSubscription s : bucket.values()) {
        if (s.isLiveAt(now)) {
          into.add(s);
        }
      }
    }
  }

  private Map<String, LiveSubscription> bucket(String filter) {
    if (filter.equals("*")) {
      return all;
    }
    if (filter.endsWith(".*")) {
      return prefixes.computeIfAbsent(
          filter.substring(0, filter.length() - 1), k -> new ConcurrentHashMap<>());
    }
    return exact.computeIfAbsent(filter, k -> new ConcurrentHashMap<>());
  }
}
