package org.opengms.notification;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengms.cluster.ClusterSignals;
import org.opengms.cluster.Signal;

/** Stores comet notifications for the other nodes and signals them, in one transaction. */
@Stateless
public class CometRelays {

  /** How long a relayed notification is kept for nodes that were slow to read it. */
  static final long KEEP_SECONDS = 60;

  @PersistenceContext(unitName = "gms")
  EntityManager em;

  @Inject ClusterSignals signals;

  public void relay(String gmsUser, String tag, String envelopeId, String message) {
    String id = UUID.randomUUID().toString();
    em.persist(new CometRelayMessage(id, gmsUser, tag, envelopeId, message, Instant.now()));
    signals.send(Signal.Topic.COMET, id); // leaves at the commit of this row
  }

  public Optional<CometRelayMessage> find(String id) {
    return Optional.ofNullable(em.find(CometRelayMessage.class, id));
  }

  /** Deletes up to {@code max} notifications older than {@link #KEEP_SECONDS}. */
  public int deleteOld(int max) {
    List<String> ids =
        em.createQuery(
                "select m.id from CometRelayMessage m where m.createdAt < :t order by m.createdAt",
                String.class)
            .setParameter("t", Instant.now().minusSeconds(KEEP_SECONDS))
            .setMaxResults(max)
            .getResultList();
    if (!ids.isEmpty()) {
      em.createQuery("delete from CometRelayMessage m where m.id in :ids")
          .setParameter("ids", ids)
          .executeUpdate();
    }
    return ids.size();
  }
}
