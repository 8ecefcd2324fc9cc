package org.opengms.notification;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengms.api.error.ResourceNotFoundException;

/** Stores and removes subscriptions; the in-memory index follows through {@link Notifications}. */
@Stateless
public class SubscriptionManager {

  @PersistenceContext(unitName = "gms")
  EntityManager em;

  public LiveSubscription create(
      String subscriberId,
      String providerName,
      Target target,
      String filter,
      String language,
      int expireSeconds) {
    Instant now = Instant.now();
    Subscription s =
        new Subscription(
            UUID.randomUUID().toString(),
            subscriberId,
            providerName,
            target,
            filter,
            language,
            now,
            now.plusSeconds(expireSeconds));
    em.persist(s);
    return s.snapshot();
  }

  public void delete(String id) {
    Subscription s = em.find(Subscription.class, id);
    if (s == null) {
      throw new ResourceNotFoundException("Subscription ID not found");
    }
    em.remove(s);
  }

  /** Deletes every subscription of a subscriber; returns their ids (404 if there were none). */
  public List<String> deleteOfSubscriber(String subscriberId) {
    List<Subscription> found =
        em.createNamedQuery(Subscription.OF_SUBSCRIBER, Subscription.class)
            .setParameter("subscriber", subscriberId)
            .getResultList();
    if (found.isEmpty()) {
      throw new ResourceNotFoundException("Subscriber ID not found");
    }
    found.forEach(em::remove);
    return found.stream().map(Subscription::getId).toList();
  }

  /** The subscription if it exists, is not expired and not deactivated. */
  public Optional<LiveSubscription> findLive(String id) {
    Subscription s = em.find(Subscription.class, id);
    if (s == null) {
      return Optional.empty();
    }
    LiveSubscription live = s.snapshot();
    return s.isDeactivated() || !live.isLiveAt(Instant.now())
        ? Optional.empty()
        : Optional.of(live);
  }

  public List<LiveSubscription> live() {
    return em
        .createNamedQuery(Subscription.LIVE, Subscription.class)
        .setParameter("now", Instant.now())
        .getResultList()
        .stream()
        .map(Subscription::snapshot)
        .toList();
  }

  /**
   * Deactivates the live subscriptions of a device token the push network called dead ({@code
   * types}: the types sharing that network); returns their ids.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<String> deactivateDevice(List<String> types, String deviceId, String reason) {
    Instant now = Instant.now();
    List<Subscription> found =
        em.createNamedQuery(Subscription.OF_DEVICE, Subscription.class)
            .setParameter("device", deviceId)
            .setParameter("types", types)
            .getResultList();
    found.forEach(s -> s.deactivate(now, reason));
    return found.stream().map(Subscription::getId).toList();
  }

  /** Deletes up to {@code max} expired subscriptions; returns their ids. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<String> deleteExpired(int max) {
    List<String> ids =
        em.createNamedQuery(Subscription.EXPIRED, String.class)
            .setParameter("now", Instant.now())
            .setMaxResults(max)
            .getResultList();
    if (!ids.isEmpty()) {
      em.createQuery("delete from Subscription s where s.id in :ids")
          .setParameter("ids", ids)
          .executeUpdate();
    }
    return ids;
  }
}
