package org.opengms.callback;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.opengms.persistence.ConfiguredDataSource;

/**
 * Locks the admission row of a service in the caller's transaction, creating it first when it does
 * not exist yet. The lock is what serialises starts: a second start of the same service, on this
 * node or another, waits until the first committed (or rolled back) before it counts.
 */
@Stateless
public class CallbackAdmissionLocks {

  @PersistenceContext(unitName = "gms")
  EntityManager em;

  @Resource SessionContext context;

  @Resource(lookup = ConfiguredDataSource.JNDI_NAME)
  DataSource dataSource;

  /** The service's row, locked until the caller's transaction ends. */
  public CallbackAdmissionRow lock(String service) {
    CallbackAdmissionRow row =
        em.find(CallbackAdmissionRow.class, service, LockModeType.PESSIMISTIC_WRITE);
    if (row != null) {
      return row;
    }
    context.getBusinessObject(CallbackAdmissionLocks.class).create(service);
    row = em.find(CallbackAdmissionRow.class, service, LockModeType.PESSIMISTIC_WRITE);
    if (row == null) {
      throw new IllegalStateException("No admission row for " + service + " (database down?)");
    }
    return row;
  }

  /**
   * Inserts the row in a transaction of its own, so a duplicate key (another start, maybe on
   * another node, created it meanwhile) dooms neither the caller's transaction nor fills the log:
   * plain JDBC, the failure is expected and only means the row is there.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void create(String service) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into callback_admission (service_name, window1_count, window2_count)"
                    + " values (?, 0, 0)")) {
      insert.setString(1, service);
      insert.executeUpdate();
    } catch (SQLException e) {
      context.setRollbackOnly();
    }
  }

  /** Whether {@code e} is a wait for an admission lock that gave up (H2's lock timeout). */
  static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof jakarta.persistence.PessimisticLockException
          || t instanceof jakarta.persistence.LockTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
