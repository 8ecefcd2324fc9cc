package org.opengms.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Leases of resource-group access numbers, each in a transaction of its own so a number is taken
 * (or found taken) at once, whatever the creating request does afterwards.
 */
@Stateless
public class AccessNumberLeases {

  @PersistenceContext(unitName = "gms")
  EntityManager em;

  /**
   * Gives {@code number} of {@code group} to {@code interactionId} until {@code expiresAt}, unless
   * another live interaction holds it. Two nodes inserting the same new number: one fails its
   * commit (the caller takes that as "taken").
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean tryLease(String group, String number, String interactionId, Instant expiresAt) {
    AccessNumberLease lease =
        em.find(
            AccessNumberLease.class,
            AccessNumberLease.key(group, number),
            LockModeType.PESSIMISTIC_WRITE);
    if (lease == null) {
      em.persist(new AccessNumberLease(group, number, interactionId, expiresAt));
      em.flush();
    } else if (lease.isHeldByOtherThan(interactionId, Instant.now())) {
      return false;
    } else {
      lease.holdFor(interactionId, expiresAt);
    }
    // One number per interaction: a number it held before is free again.
    em.createQuery("delete from AccessNumberLease l where l.interactionId = :id and l.key <> :key")
        .setParameter("id", interactionId)
        .setParameter("key", AccessNumberLease.key(group, number))
        .executeUpdate();
    return true;
  }

  /** The number of {@code group} that {@code interactionId} holds now, if any. */
  public Optional<String> heldBy(String interactionId, String group) {
    List<AccessNumberLease> held =
        em.createQuery(
                "select l from AccessNumberLease l where l.interactionId = :id and l.group = :group"
                    + " and l.expiresAt > :now",
                AccessNumberLease.class)
            .setParameter("id", interactionId)
            .setParameter("group", group)
            .setParameter("now", Instant.now())
            .getResultList();
    return held.stream().findFirst().map(AccessNumberLease::number);
  }

  /** Frees the numbers of an ended interaction. */
  public void release(String interactionId) {
    em.createQuery("delete from AccessNumberLease l where l.interactionId = :id")
        .setParameter("id", interactionId)
        .executeUpdate();
  }
}
