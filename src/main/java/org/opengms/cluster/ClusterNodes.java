package org.opengms.cluster;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** The rows of {@code cluster_node}: each node writes its own, any node reads them all. */
@Stateless
public class ClusterNodes {

  @PersistenceContext(unitName = "gms")
  EntityManager em;

  /**
   * This node starts under {@code name}: a new row, or the row of its previous run started over.
   */
  public void join(String name, Instant at, String server, String java) {
    ClusterNode row = em.find(ClusterNode.class, name);
    if (row == null) {
      em.persist(new ClusterNode(name, at, server, java));
    } else {
      row.restart(at, server, java);
    }
  }

  /**
   * This node is alive at {@code at}.
   *
   * @return false when its row is gone (forgotten by another node after a long pause): join again
   */
  public boolean beat(String name, Instant at) {
    return em.createQuery(
                "update ClusterNode n set n.lastHeartbeat = :at, n.leftAt = null"
                    + " where n.name = :name")
            .setParameter("at", at)
            .setParameter("name", name)
            .executeUpdate()
        == 1;
  }

  /** This node shuts down cleanly: the others show it LEFT rather than DOWN. */
  public void leave(String name, Instant at) {
    em.createQuery("update ClusterNode n set n.leftAt = :at where n.name = :name")
        .setParameter("at", at)
        .setParameter("name", name)
        .executeUpdate();
  }

  /** Forgets the nodes not heard of since {@code before} (left or dead long ago). */
  public int forget(Instant before) {
    return em.createQuery("delete from ClusterNode n where n.lastHeartbeat < :before")
        .setParameter("before", before)
        .executeUpdate();
  }

  /** The nodes heard of since {@code since} that did not leave: those shown ONLINE. */
  public java.util.Set<String> alive(Instant since) {
    return new java.util.HashSet<>(
        em.createQuery(
                "select n.name from ClusterNode n where n.lastHeartbeat >= :since"
                    + " and n.leftAt is null",
                String.class)
            .setParameter("since", since)
            .getResultList());
  }

  /** Every node of the cluster, by name. */
  public List<ClusterNode> all() {
    return em.createQuery("select n from ClusterNode n order by n.name", ClusterNode.class)
        .getResultList();
  }
}
