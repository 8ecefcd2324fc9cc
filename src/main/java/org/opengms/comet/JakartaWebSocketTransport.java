package org.opengms.comet;

import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.websocket.common.AbstractBayeuxContext;
import org.cometd.server.websocket.common.AbstractWebSocketEndPoint;
import org.cometd.server.websocket.common.AbstractWebSocketTransport;

/**
 * CometD's {@code websocket} transport on the container's own Jakarta WebSocket server (Undertow on
 * WildFly, Tyrus on Payara).
 *
 * <p>CometD publishes this transport as {@code cometd-java-server-websocket-jakarta}, which is not
 * on Maven Central; this class stands in for it, built on the Bayeux processing of {@code
 * cometd-java-server-websocket-common} ({@link AbstractWebSocketTransport}, {@link
 * AbstractWebSocketEndPoint}). When the library module is available, replace this class with {@code
 * org.cometd.server.websocket.jakarta.WebSocketTransport} in {@link CometServer}; nothing else
 * depends on it.
 *
 * <p>The headers of the upgrade request (among them {@code gms_user}) are captured by the endpoint
 * configurator and travel to the connection through the user properties, which Jakarta WebSocket
 * 2.1 makes a per-connection copy that becomes the session's initial user properties. They form the
 * {@link BayeuxContext} of every message on that connection.
 */
public final class JakartaWebSocketTransport extends AbstractWebSocketTransport {

  private static final Logger LOG = Logger.getLogger(JakartaWebSocketTransport.class.getName());

  /** User property under which the configurator leaves the upgrade request's context. */
  private static final String UPGRADE = JakartaWebSocketTransport.class.getName() + ".upgrade";

  /** Most frames of one connection waiting while CometD processes an earlier one. */
  private static final int MAX_WAITING_FRAMES = 32;

  private final ServerContainer container;
  private final String path;
  private final String contextPath;
  private final AtomicBoolean registered = new AtomicBoolean();
  private volatile long idleTimeoutMillis;

  /**
   * @param path where the endpoint listens inside the application, e.g. {@code /cometd}
   * @param contextPath the application's context path, e.g. {@code /genesys}
   */
  JakartaWebSocketTransport(
      BayeuxServerImpl bayeux, ServerContainer container, String path, String contextPath) {
    super(bayeux);
    this.container = container;
    this.path = path;
    this.contextPath = contextPath;
  }

  /** Reads the options (as CometD's own transports do) and registers the endpoint once. */
  @Override
  public void init() {
    super.init();
    idleTimeoutMillis = getOption(IDLE_TIMEOUT_OPTION, container.getDefaultMaxSessionIdleTimeout());
    if (registered.compareAndSet(false, true)) {
      ServerEndpointConfig config =
          ServerEndpointConfig.Builder.create(Connection.class, path)
              .configurator(new Upgrade())
              .build();
      try {
        container.addEndpoint(config);
      } catch (DeploymentException e) {
        throw new IllegalStateException("Cannot register the CometD websocket endpoint", e);
      }
    }
  }

  /** Captures each upgrade request and makes the connection's endpoint. */
  private final class Upgrade extends ServerEndpointConfig.Configurator {

    @Override
    public void modifyHandshake(
        ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
      config.getUserProperties().put(UPGRADE, new UpgradeContext(request, contextPath));
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
      return endpointClass.cast(new Connection(JakartaWebSocketTransport.this));
    }
  }

  /** What CometD may know of the upgrade request: URL, headers, parameters, principal. */
  private static final class UpgradeContext extends AbstractBayeuxContext {

    UpgradeContext(HandshakeRequest request, String contextPath) {
      super(
          request.getRequestURI().toString(),
          contextPath,
          request.getQueryString(),
          copy(request.getHeaders()),
          copy(request.getParameterMap()),
          request.getUserPrincipal(),
          null,
          null,
          List.of(),
          "HTTP/1.1",
          isSecure(request));
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> values) {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      if (values != null) {
        values.forEach(
            (name, list) -> copy.put(name, list == null ? List.of() : List.copyOf(list)));
      }
      return copy;
    }

    private static boolean isSecure(HandshakeRequest request) {
      String scheme = request.getRequestURI().getScheme();
      return "wss".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    }
  }

  /**
   * One websocket connection; hands its text frames to CometD one at a time. Public and static
   * because the container inspects endpoint classes; instances come only from {@link Upgrade}.
   */
  public static final class Connection extends Endpoint {

    private final JakartaWebSocketTransport transport;
    private final Queue<String> waiting = new ArrayDeque<>();
    private boolean processing; // guarded by waiting
    private volatile Session socket;
    private volatile Bayeux bayeux;

    Connection(JakartaWebSocketTransport transport) {
      this.transport = transport;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
      socket = session;
      Object upgrade = session.getUserProperties().get(UPGRADE);
      if (!(upgrade instanceof BayeuxContext)) {
        // Without it no handshake can pass (no gms_user): a container not keeping the
        // per-connection user properties of Jakarta WebSocket 2.1 would end up here.
        LOG.severe("CometD websocket opened without its upgrade request's headers");
      }
      if (transport.getMaxMessageSize() > 0) {
        session.setMaxTextMessageBufferSize(transport.getMaxMessageSize());
      }
      if (transport.idleTimeoutMillis > 0) {
        session.setMaxIdleTimeout(transport.idleTimeoutMillis);
      }
      bayeux = new Bayeux(upgrade instanceof BayeuxContext context ? context : null);
      session.addMessageHandler(String.class, this::onText);
    }

    /**
     * Frames are processed one after the other, the next when CometD has answered the previous:
     * without blocking the calling thread (Undertow calls from its I/O thread), and with at most
     * {@value #MAX_WAITING_FRAMES} frames waiting, so a client sending faster than it reads is cut
     * off instead of filling the server's memory.
     */
    private void onText(String frame) {
      synchronized (waiting) {
        if (processing) {
          if (waiting.size() >= MAX_WAITING_FRAMES) {
            bayeux.close(CloseReason.CloseCodes.TRY_AGAIN_LATER.getCode(), "too many frames");
          } else {
            waiting.add(frame);
          }
          return;
        }
        processing = true;
      }
      process(frame);
    }

    private void process(String frame) {
      String refusal = BayeuxRequestCheck.refusal(frame.getBytes(StandardCharsets.UTF_8));
      if (refusal != null) {
        // malformed Bayeux is answered with a Bayeux error, as over long-polling
        socket.getAsyncRemote().sendText(BayeuxRequestCheck.errorReply(400, refusal));
        processed(null);
        return;
      }
      bayeux.onMessage(frame, Promise.complete((done, failure) -> processed(failure)));
    }

    private void processed(Throwable failure) {
      if (failure != null) {
        LOG.log(Level.FINE, "CometD websocket frame failed, closing", failure);
        bayeux.close(CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "processing failed");
      }
      String next;
      synchronized (waiting) {
        next = failure == null ? waiting.poll() : null;
        if (next == null) {
          waiting.clear();
          processing = false;
          return;
        }
      }
      process(next);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
      Bayeux current = bayeux;
      if (current != null) {
        current.onClose(reason.getCloseCode().getCode(), reason.getReasonPhrase());
      }
    }

    @Override
    public void onError(Session session, Throwable failure) {
      Bayeux current = bayeux;
      if (current != null) {
        current.onError(failure);
      }
    }

    /** CometD's Bayeux processing for this connection, writing through the websocket session. */
    private final class Bayeux extends AbstractWebSocketEndPoint {

      Bayeux(BayeuxContext context) {
        super(transport, context);
      }

      @Override
      protected void send(ServerSession session, String data, Promise<Void> promise) {
        socket
            .getAsyncRemote()
            .sendText(
                data,
                result -> {
                  if (result.isOK()) {
                    promise.succeed(null);
                  } else {
                    promise.fail(result.getException());
                  }
                });
      }

      @Override
      public void close(int code, String reason) {
        // A close reason is limited to 123 bytes.
        String phrase = reason == null ? "" : reason.substring(0, Math.min(reason.length(), 60));
        try {
          socket.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), phrase));
        } catch (Exception e) {
          LOG.log(Level.FINE, "CometD websocket did not close cleanly", e);
        }
      }
    }
  }
}
