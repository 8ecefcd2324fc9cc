package org.opengms.persistence.group;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The one transaction a group of writes runs in. */
@Stateless
public class GroupTransaction {

  @PersistenceContext(unitName = "gms")
  EntityManager em;

  @Resource SessionContext context;

  /**
   * Runs every write of {@code group} in a new transaction, which commits when this returns true.
   * When one of them fails (its exception, or the flush of them all), nothing is kept: the
   * transaction rolls back and this returns false, so that each write can run again on its own and
   * only the failing one sees its error. Results are kept only once the commit returned.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean runAll(List<GroupedWrite<?>> group) {
    try {
      for (GroupedWrite<?> write : group) {
        write.runInGroup();
      }
      em.flush();
      return true;
    } catch (RuntimeException e) {
      context.setRollbackOnly();
      return false;
    }
  }
}
