package org.opengms.notification;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * The durable retry queue of failed httpcb/orscb/push deliveries (each call its own transaction).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Outbox {

  /** How long a claimed entry waits before another attempt, should its node not report back. */
  static final long CLAIM_SECONDS = 60;

  @PersistenceContext(unitName = "gms")
  EntityManager em;

  public void add(Delivery delivery, String error, Instant nextAttemptAt) {
    add(delivery, error, nextAttemptAt, null);
  }

  /**
   * Keeps a delivery whose first attempt failed. {@code maxAttempts} (attempts in all, the first
   * included) bounds this delivery instead of {@code [push] retry_max_attempts}; null: the latter.
   */
  public void add(Delivery delivery, String error, Instant nextAttemptAt, Integer maxAttempts) {
    if (em.find(OutboxEntry.class, delivery.eventId()) == null) {
      em.persist(new OutboxEntry(delivery, error, nextAttemptAt, maxAttempts));
    }
  }

  /**
   * Up to {@code max} entries due at {@code now}, claimed for this node: their rows are locked
   * while they are read, and each is made due again only {@link #CLAIM_SECONDS} later (when the
   * claiming node died before saying how its attempt went), so nodes sharing the database deliver
   * each entry once. A node waiting for the lock finds the rows no longer due.
   */
  public List<Delivery> due(Instant now, int max) {
    List<OutboxEntry> due =
        em.createNamedQuery(OutboxEntry.DUE, OutboxEntry.class)
            .setParameter("now", now)
            .setMaxResults(max)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    due.forEach(e -> e.claim(now.plusSeconds(CLAIM_SECONDS)));
    return due.stream().map(OutboxEntry::delivery).toList();
  }

  public void delivered(String eventId) {
    OutboxEntry entry = em.find(OutboxEntry.class, eventId);
    if (entry != null) {
      em.remove(entry);
    }
  }

  /** Gives up: the answer says retrying cannot help. The dead entry stays for inspection. */
  public void giveUp(String eventId, String error) {
    OutboxEntry entry = em.find(OutboxEntry.class, eventId);
    if (entry != null) {
      entry.failedAgain(error, entry.nextAttemptAt(), true);
    }
  }

  /**
   * Records another failure; the next attempt waits {@code initialDelay × 2^(attempts-1)}, and
   * after {@code maxAttempts} (or the entry's own bound) the entry is dead.
   */
  public void failed(String eventId, String error, int initialDelaySeconds, int maxAttempts) {
    OutboxEntry entry = em.find(OutboxEntry.class, eventId);
    if (entry == null) {
      return;
    }
    int attempts = entry.attempts() + 1;
    if (entry.maxAttempts() != null) {
      maxAttempts = entry.maxAttempts();
    }
    long delay = (long) initialDelaySeconds << Math.min(attempts - 1, 20);
    entry.failedAgain(error, Instant.now().plusSeconds(delay), attempts >= maxAttempts);
  }
}
