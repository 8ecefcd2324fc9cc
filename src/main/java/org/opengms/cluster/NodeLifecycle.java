package org.opengms.cluster;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Joins the node list when the web application starts and leaves it when it stops: here rather than
 * in the singleton's own life-cycle methods because only the web application knows the container's
 * name, and because it stops before the beans and the database it needs do.
 */
@WebListener
public class NodeLifecycle implements ServletContextListener {

  @EJB NodeHeartbeat heartbeat;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    heartbeat.start(event.getServletContext().getServerInfo());
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    heartbeat.stop();
  }
}
