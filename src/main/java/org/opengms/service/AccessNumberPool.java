package org.opengms.service;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.opengms.api.error.GmsException;

/**
 * Hands out the access numbers of resource groups: round robin among the numbers no live
 * interaction holds; 503 when every number of the group is in use.
 */
@ApplicationScoped
public class AccessNumberPool {

  @EJB AccessNumberLeases leases;

  private final Map<String, AtomicInteger> cursors = new ConcurrentHashMap<>();

  /** A number of {@code group} for {@code interactionId} until {@code expiresAt}. */
  public String lease(String group, List<String> numbers, String interactionId, Instant expiresAt) {
    String held = leases.heldBy(interactionId, group).orElse(null);
    if (held != null && leases.tryLease(group, held, interactionId, expiresAt)) {
      return held;
    }
    AtomicInteger cursor = cursors.computeIfAbsent(group, g -> new AtomicInteger());
    int start = Math.floorMod(cursor.getAndIncrement(), numbers.size());
    for (int i = 0; i < numbers.size(); i++) {
      int index = (start + i) % numbers.size();
      String number = numbers.get(index);
      if (tryLease(group, number, interactionId, expiresAt)) {
        cursor.set(index + 1);
        return number;
      }
    }
    throw new GmsException(
        Response.Status.SERVICE_UNAVAILABLE,
        "Every access number of resource group " + group + " is in use; try again later");
  }

  private boolean tryLease(String group, String number, String interactionId, Instant expiresAt) {
    try {
      return leases.tryLease(group, number, interactionId, expiresAt);
    } catch (EJBException | PersistenceException e) {
      return false; // another node inserted this number's lease first
    }
  }
}
