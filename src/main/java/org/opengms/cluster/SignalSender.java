package org.opengms.cluster;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * {@code pg_notify} on the pooled connection of the caller's transaction: PostgreSQL holds the
 * notification until that transaction commits (and drops it on rollback), so a receiver that reads
 * the row named by the id always finds it committed.
 */
@Stateless
public class SignalSender {

  @PersistenceContext(unitName = "gms")
  EntityManager em;

  /**
   * Open connections whose {@code application_name} is like {@code pattern}, but not {@code own}.
   */
  public long listeners(String pattern, String own) {
    Object count =
        em.createNativeQuery(
                "select count(*) from pg_stat_activity where application_name like ?1"
                    + " and application_name <> ?2")
            .setParameter(1, pattern)
            .setParameter(2, own)
            .getSingleResult();
    return ((Number) count).longValue();
  }

  public void send(String channel, String payload) {
    em.createNativeQuery("select pg_notify(?1, ?2)")
        .setParameter(1, channel)
        .setParameter(2, payload)
        .getResultList();
  }
}
