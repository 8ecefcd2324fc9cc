package org.opengms.agent;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The {@code agent_presence} table: one row an agent, written on a change, read whole. */
@Stateless
public class PresenceStore {

  @PersistenceContext(unitName = "gms")
  EntityManager em;

  public void save(String login, AgentPresence.Shared state, String node) {
    PresenceRow row = em.find(PresenceRow.class, login);
    if (row == null) {
      row = new PresenceRow(login);
      row.set(state.ready(), state.readySince(), state.loggedInSince(), node);
      em.persist(row);
    } else {
      row.set(state.ready(), state.readySince(), state.loggedInSince(), node);
    }
  }

  /** The agents made ready on {@code node} are not ready (the node starts again). */
  public void notReadyOn(String node) {
    em.createQuery("update PresenceRow p set p.ready = false where p.node = :node")
        .setParameter("node", node)
        .executeUpdate();
  }

  public List<PresenceRow> all() {
    return em.createQuery("select p from PresenceRow p", PresenceRow.class)
        .getResultStream()
        .peek(em::detach)
        .toList();
  }
}
