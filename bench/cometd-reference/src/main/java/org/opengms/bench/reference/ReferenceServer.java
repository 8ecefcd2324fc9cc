package org.opengms.bench.reference;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.websocket.common.AbstractWebSocketTransport;
import org.cometd.server.websocket.jetty.JettyWebSocketTransport;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ajax.JSON;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * What the comet bench needs of a GMS server, on CometD's home container: CometD at
 * /genesys/cometd (websocket), sessions known by their handshake's gms_user
 * header, POST /genesys/1/notification/subscription (filter = the one tag of that user) and POST
 * /genesys/1/notification/publish delivering {"id","message","tag"} on /_genesys to the session of
 * the user subscribed to the tag. Args: port.
 */
public final class ReferenceServer {

  private static final Map<String, ServerSession> SESSIONS = new ConcurrentHashMap<>();
  private static final Map<String, String> USER_OF_TAG = new ConcurrentHashMap<>();

  public static void main(String[] args) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(Integer.parseInt(args[0]));
    connector.setAcceptQueueSize(4096);
    server.addConnector(connector);

    ContextHandler context = new ContextHandler("/genesys");
    server.setHandler(context);
    WebSocketUpgradeHandler websocket = WebSocketUpgradeHandler.from(server, context);
    context.setHandler(websocket);
    websocket.setHandler(new Rest());
    server.start();

    BayeuxServerImpl bayeux = new BayeuxServerImpl();
    bayeux.setOption(org.eclipse.jetty.server.Context.class.getName(), context.getContext());
    bayeux.setOption(AbstractWebSocketTransport.COMETD_URL_MAPPING_OPTION, "/cometd/*");
    bayeux.setOption("timeout", "20000");
    bayeux.setOption("maxInterval", "30000");
    bayeux.setTransports(new JettyWebSocketTransport(bayeux));
    bayeux.start();
    bayeux.addListener(
        new org.cometd.bayeux.server.BayeuxServer.SessionListener() {
          @Override
          public void sessionAdded(ServerSession session, ServerMessage handshake) {
            String user = handshake.getBayeuxContext().getHeader("gms_user");
            if (user != null) {
              SESSIONS.put(user, session);
              session.setAttribute("gms_user", user);
            }
          }

          @Override
          public void sessionRemoved(ServerSession session, ServerMessage message, boolean timeout) {
            Object user = session.getAttribute("gms_user");
            if (user != null) {
              SESSIONS.remove(user.toString(), session);
            }
          }
        });
    System.out.println("reference ONLINE on " + args[0]);
    server.join();
  }

  /** The REST calls of the bench; CometD's websocket upgrades never reach this handler. */
  private static final class Rest extends Handler.Abstract {

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String path = Request.getPathInContext(request);
      if (path.equals("/1/admin/node/status")) {
        return answer(response, callback, "ONLINE");
      }
      if (!path.startsWith("/1/notification/")) {
        return false; // 404
      }
      String body = Content.Source.asString(request, StandardCharsets.UTF_8);
      @SuppressWarnings("unchecked")
      Map<String, Object> json = (Map<String, Object>) new JSON().fromJSON(body);
      if (path.equals("/1/notification/subscription")) {
        USER_OF_TAG.put((String) json.get("filter"), request.getHeaders().get("gms_user"));
        return answer(response, callback, "{\"id\":\"" + UUID.randomUUID() + "\"}");
      }
      String tag = (String) json.get("tag");
      String user = tag == null ? null : USER_OF_TAG.get(tag);
      ServerSession session = user == null ? null : SESSIONS.get(user);
      if (session != null) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", UUID.randomUUID().toString().replace("-", ""));
        envelope.put("message", json.get("message"));
        envelope.put("tag", tag);
        session.deliver(null, "/_genesys", envelope, Promise.noop());
      }
      return answer(response, callback, "{}");
    }

    private static boolean answer(Response response, Callback callback, String body) {
      response.setStatus(200);
      response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
      return true;
    }
  }
}
