package org.opengms.persistence;

import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.hibernate.engine.transaction.jta.platform.internal.AbstractJtaPlatform;

/**
 * Finds the container's transaction manager for the Hibernate bundled in the WAR, on Payara ({@code
 * java:appserver/TransactionManager}) and on WildFly ({@code java:jboss/TransactionManager}).
 * Hibernate's own platforms each know only one of them.
 */
public class ServerJtaPlatform extends AbstractJtaPlatform {

  private static final long serialVersionUID = 1L;

  private static final String[] TRANSACTION_MANAGERS = {
    "java:appserver/TransactionManager", "java:jboss/TransactionManager", "java:/TransactionManager"
  };

  @Override
  protected TransactionManager locateTransactionManager() {
    for (String name : TRANSACTION_MANAGERS) {
      try {
        Object found = new InitialContext().lookup(name);
        if (found instanceof TransactionManager tm) {
          return tm;
        }
      } catch (NamingException e) {
        // not this server; try the next name
      }
    }
    throw new IllegalStateException("No JTA TransactionManager found in JNDI");
  }

  @Override
  protected UserTransaction locateUserTransaction() {
    try {
      return (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
    } catch (NamingException e) {
      throw new IllegalStateException("No UserTransaction in JNDI", e);
    }
  }
}
