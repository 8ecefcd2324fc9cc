package org.opengms.comet;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cometd.bayeux.server.Authorizer;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerTransport;
import org.cometd.server.AbstractServerTransport;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.authorizer.GrantAuthorizer;
import org.cometd.server.ext.AcknowledgedMessagesExtension;
import org.cometd.server.http.JSONHttpTransport;
import org.cometd.server.websocket.common.AbstractWebSocketTransport;
import org.opengms.config.ConfigurationProvider;
import org.opengms.delivery.DeliveryCounters;
import org.opengms.security.SecuritySettings;
import org.opengms.security.UserSettings;

/**
 * The Bayeux server of this node: built from {@code [cometd]}, started when the web application
 * starts ({@link CometStartup}) and stopped with it.
 *
 * <p>We build and configure it ourselves, instead of letting {@code CometDServlet} build it from
 * servlet init parameters, so its limits come from the validated configuration file like every
 * other option; the servlet finds it under {@link BayeuxServer#ATTRIBUTE} and serves it as is.
 *
 * <ul>
 *   <li>Transports: {@code websocket} ({@link JakartaWebSocketTransport}) and {@code long-polling}.
 *   <li>Handshakes need a {@code gms_user} header, or an agent's HTTP Basic credentials ({@link
 *       HandshakePolicy}); later messages must carry the same ({@link SameUserCheck}).
 *   <li>Channels: every operation on every channel is refused unless granted, and the only grants
 *       are subscribing to {@value #CHANNEL}, and for agent sessions to {@value #AGENT_CHANNEL}.
 *       Messages reach a user or an agent through {@code ServerSession.deliver} ({@link
 *       CometUserMessenger}, {@link CometAgentMessenger}), never through a channel publish.
 *   <li>Memory: session queues and unacknowledged-message queues are bounded ({@link
 *       BoundedQueues}), as are the number of sessions and the size of incoming messages.
 *   <li>The acknowledgement extension is offered: clients that enable it get their messages in
 *       order and resent after a reconnection.
 * </ul>
 */
@ApplicationScoped
public class CometServer {

  /** The channel GMS delivers notifications and chat events on. */
  public static final String CHANNEL = "/_genesys";

  /**
   * The channel agents receive their events on (assignments, transcript events of their chats,
   * ends, presence): only agent sessions may subscribe, nobody may publish.
   */
  public static final String AGENT_CHANNEL = "/_opengms/agent";

  /** Where CometD listens inside the application (both transports). */
  static final String PATH = "/cometd";

  private static final Logger LOG = Logger.getLogger(CometServer.class.getName());

  @Inject ConfigurationProvider configuration;
  @Inject jakarta.enterprise.inject.Instance<ServiceChannel> serviceChannels;
  @Inject DeliveryCounters undelivered;
  @Inject Event<CometUserSession> userSessionEvents;

  private final UserSessions sessions = new UserSessions();
  private final UserSessions agentSessions = new UserSessions(AgentSession::of);
  private final UserSessions serviceOnlySessions = new UserSessions(ServiceOnlySession::of);
  private volatile BayeuxServerImpl bayeux;
  private volatile CometSettings settings;

  /** Builds and starts the Bayeux server for {@code context}; called once at start-up. */
  synchronized BayeuxServer start(ServletContext context) {
    if (bayeux != null) {
      return bayeux;
    }
    CometSettings settings = configuration.current().get(CometSettings.class);
    BayeuxServerImpl server = new BayeuxServerImpl();
    server.setOption(AbstractServerTransport.TIMEOUT_OPTION, settings.timeoutMillis());
    server.setOption(AbstractServerTransport.MAX_INTERVAL_OPTION, settings.maxIntervalMillis());
    server.setOption(
        AbstractServerTransport.MAX_LAZY_TIMEOUT_OPTION, settings.maxLazyTimeoutMillis());
    server.setOption(AbstractServerTransport.MAX_QUEUE_OPTION, settings.maxQueue());
    server.setOption(AbstractServerTransport.MAX_MESSAGE_SIZE_OPTION, settings.maxMessageBytes());
    server.setOption(
        AbstractWebSocketTransport.PREFIX + "." + AbstractWebSocketTransport.IDLE_TIMEOUT_OPTION,
        settings.webSocketIdleTimeoutMillis());
    // GMS clients (and the reference's traces) return no BAYEUX_BROWSER cookie: sessions are found
    // by client id, and SameUserCheck ties each message to the session's gms_user instead.
    server.setOption("trustClientSession", true);
    server.setOption(ServletContext.class.getName(), context);
    server.setTransports(transports(server, context));
    server.setAllowedTransports(
        server.getTransports().stream().map(ServerTransport::getName).toList());
    HandshakePolicy policy =
        new HandshakePolicy(
            sessions,
            agentSessions,
            () -> configuration.current().get(UserSettings.class),
            () -> configuration.current().get(SecuritySettings.class),
            settings);
    List<ServiceChannel> handlers = serviceChannels.stream().toList();
    if (!handlers.isEmpty()) {
      policy.admitServiceOnly(serviceOnlySessions);
      server.addListener(serviceOnlySessions);
    }
    server.setSecurityPolicy(policy);
    server.addListener(sessions);
    server.addListener(agentSessions);
    server.addListener(new UserSessionEvents(userSessionEvents::fire));
    BoundedQueues queues = new BoundedQueues(settings.maxQueue(), undelivered);
    server.addListener(queues);
    AcknowledgedMessagesExtension acknowledgements = new AcknowledgedMessagesExtension();
    acknowledgements.setMaxQueueSize(settings.maxQueue());
    acknowledgements.addListener(queues);
    server.addExtension(acknowledgements);
    server.addExtension(new SameUserCheck());
    server.addExtension(new AdviceCaps(settings));
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("CometD did not start", e);
    }
    server.createChannelIfAbsent(
        "/**",
        channel -> {
          channel.setPersistent(true);
          channel.addAuthorizer(GrantAuthorizer.GRANT_NONE); // nothing is allowed unless granted
          channel.addAuthorizer(ServiceChannels.onlyThere(handlers));
        });
    ServiceChannels.register(server, handlers);
    server.createChannelIfAbsent(
        CHANNEL,
        channel -> {
          channel.setPersistent(true);
          channel.addAuthorizer(GrantAuthorizer.GRANT_SUBSCRIBE);
        });
    server.createChannelIfAbsent(
        AGENT_CHANNEL,
        channel -> {
          channel.setPersistent(true);
          channel.addAuthorizer(
              (operation, name, session, message) ->
                  operation == Authorizer.Operation.SUBSCRIBE
                          && AgentSession.of(session).isPresent()
                      ? Authorizer.Result.grant()
                      : Authorizer.Result.ignore());
        });
    this.settings = settings;
    bayeux = server;
    LOG.info(
        () ->
            "CometD listening at "
                + context.getContextPath()
                + PATH
                + " with transports "
                + server.getAllowedTransports()
                + ", "
                + settings);
    return server;
  }

  private static List<ServerTransport> transports(BayeuxServerImpl server, ServletContext context) {
    List<ServerTransport> transports = new ArrayList<>();
    if (context.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer ws) {
      transports.add(new JakartaWebSocketTransport(server, ws, PATH, context.getContextPath()));
    } else {
      LOG.warning("No Jakarta WebSocket server container: CometD offers long-polling only");
    }
    transports.add(new JSONHttpTransport(server));
    return transports;
  }

  /** The running Bayeux server; empty before start-up and after shutdown. */
  Optional<BayeuxServer> server() {
    return Optional.ofNullable(bayeux);
  }

  /** The {@code [cometd]} settings the server was started with. */
  CometSettings settings() {
    return settings;
  }

  UserSessions sessions() {
    return sessions;
  }

  /** The live sessions of each agent login. */
  UserSessions agentSessions() {
    return agentSessions;
  }

  @PreDestroy
  synchronized void stop() {
    BayeuxServerImpl server = bayeux;
    bayeux = null;
    if (server != null && !server.isStopped()) {
      try {
        server.stop();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "CometD did not stop cleanly", e);
      }
    }
  }
}
