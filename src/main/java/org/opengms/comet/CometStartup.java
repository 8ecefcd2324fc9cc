package org.opengms.comet;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.server.http.jakarta.CometDServlet;

/**
 * Puts CometD into the web application as it starts: the Bayeux server ({@link CometServer}), its
 * websocket endpoint (registered by the transport) and {@code CometDServlet} for long-polling at
 * {@code /cometd/*}, behind the {@link BufferedBodyFilter} (bounded read-ahead and Bayeux checks of
 * long-polling bodies). Registered here rather than in {@code web.xml} so the whole CometD set-up
 * reads in one place.
 */
@WebListener
public class CometStartup implements ServletContextListener {

  @Inject CometServer comet;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    BayeuxServer bayeux = comet.start(context);
    context.setAttribute(BayeuxServer.ATTRIBUTE, bayeux);

    String mapping = CometServer.PATH + "/*";
    FilterRegistration.Dynamic filter =
        context.addFilter(
            "cometd-buffered-body", new BufferedBodyFilter(comet.settings().maxMessageBytes()));
    filter.setAsyncSupported(true);
    filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, mapping);
    ServletRegistration.Dynamic servlet = context.addServlet("cometd", CometDServlet.class);
    servlet.setAsyncSupported(true);
    servlet.setLoadOnStartup(1);
    servlet.addMapping(mapping);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    event.getServletContext().removeAttribute(BayeuxServer.ATTRIBUTE);
    comet.stop();
  }
}
