package org.opengms.testing;

import jakarta.websocket.WebSocketContainer;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.ext.AckExtension;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.cometd.client.transport.ClientTransport;
import org.cometd.client.websocket.jakarta.WebSocketTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.ee10.websocket.jakarta.client.JakartaWebSocketClientContainer;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The official CometD Java client over one transport, sending a {@code gms_user} header as a GMS
 * app (or its gateway) would: on every long-polling request, on the websocket upgrade request. Each
 * client has its own HTTP client (own cookies), so several behave as separate devices. Every wait
 * is bounded by {@link #WAIT}.
 */
public final class CometClient implements AutoCloseable {

  /** How long any wait for the server waits at most. */
  public static final Duration WAIT = Duration.ofSeconds(20);

  public enum Transport {
    LONG_POLLING("long-polling"),
    WEBSOCKET("websocket");

    /** The Bayeux name of the transport. */
    public final String bayeuxName;

    Transport(String bayeuxName) {
      this.bayeuxName = bayeuxName;
    }
  }

  private final BayeuxClient client;
  private final HttpClient http;
  private final WebSocketContainer webSockets;
  private final AtomicReference<String> gmsUser;
  private final AtomicReference<String> authorization;
  private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
  private final BlockingQueue<Message> connectReplies = new LinkedBlockingQueue<>();

  private CometClient(
      BayeuxClient client,
      HttpClient http,
      WebSocketContainer webSockets,
      AtomicReference<String> gmsUser,
      AtomicReference<String> authorization) {
    this.client = client;
    this.http = http;
    this.webSockets = webSockets;
    this.gmsUser = gmsUser;
    this.authorization = authorization;
    client
        .getChannel(Channel.META_CONNECT)
        .addListener((ClientSessionChannel.MessageListener) (c, m) -> connectReplies.add(m));
  }

  /**
   * A client for {@code <deployment>/cometd} over {@code transport}, sending {@code gmsUser} (none
   * when null); with {@code acknowledge}, the client enables CometD's ack extension.
   */
  public static CometClient create(
      URL deployment, Transport transport, String gmsUser, boolean acknowledge) {
    return create(deployment, transport, gmsUser, null, acknowledge);
  }

  /**
   * A client for an agent: it sends HTTP Basic credentials ({@code Authorization}) as the agent
   * console does, on every long-polling request or on the websocket upgrade request.
   */
  public static CometClient agent(
      URL deployment, Transport transport, String login, String password) {
    return create(deployment, transport, null, Http.basic(login, password), false);
  }

  private static CometClient create(
      URL deployment,
      Transport transport,
      String gmsUser,
      String authorization,
      boolean acknowledge) {
    String url = deployment.toString().replaceAll("/$", "") + "/cometd";
    AtomicReference<String> header = new AtomicReference<>(gmsUser);
    AtomicReference<String> credentials = new AtomicReference<>(authorization);
    HttpClient http = new HttpClient();
    WebSocketContainer webSockets = null;
    try {
      http.start();
      ClientTransport clientTransport;
      if (transport == Transport.LONG_POLLING) {
        clientTransport =
            new JettyHttpClientTransport(new HashMap<>(), http) {
              @Override
              protected void customize(Request request) {
                String user = header.get();
                if (user != null) {
                  request.headers(headers -> headers.put("gms_user", user));
                }
                String basic = credentials.get();
                if (basic != null) {
                  request.headers(headers -> headers.put("Authorization", basic));
                }
              }
            };
      } else {
        JakartaWebSocketClientContainer container = new JakartaWebSocketClientContainer(http);
        LifeCycle.start(container);
        webSockets = container;
        clientTransport =
            new WebSocketTransport(new HashMap<>(), null, container) {
              @Override
              protected void onHandshakeRequest(Map<String, List<String>> headers) {
                super.onHandshakeRequest(headers);
                String user = header.get();
                if (user != null) {
                  headers.put("gms_user", List.of(user));
                }
                String basic = credentials.get();
                if (basic != null) {
                  headers.put("Authorization", List.of(basic));
                }
              }
            };
      }
      BayeuxClient client = new BayeuxClient(url, clientTransport);
      if (acknowledge) {
        client.addExtension(new AckExtension());
      }
      return new CometClient(client, http, webSockets, header, credentials);
    } catch (Exception e) {
      LifeCycle.stop(webSockets);
      LifeCycle.stop(http);
      throw new IllegalStateException("CometD client could not be created", e);
    }
  }

  /** Sends later requests with another {@code gms_user} (null: none). */
  public void gmsUser(String user) {
    gmsUser.set(user);
  }

  /** Sends later requests with another {@code Authorization} header (null: none). */
  public void authorization(String value) {
    authorization.set(value);
  }

  /**
   * Handshakes and answers the server's reply (successful or not). When the first attempt fails in
   * the transport (no answer from the server: the reply carries the client's own {@code failure}),
   * the client retries by itself, as CometD clients do, and the next reply is answered.
   */
  public Message handshake() {
    return handshake(Map.of());
  }

  /** {@link #handshake()} with {@code fields} (such as {@code ext}) added to the message. */
  public Message handshake(Map<String, Object> fields) {
    BlockingQueue<Message> replies = new LinkedBlockingQueue<>();
    ClientSessionChannel.MessageListener listener = (c, m) -> replies.add(m);
    client.getChannel(Channel.META_HANDSHAKE).addListener(listener);
    try {
      CompletableFuture<Message> first = new CompletableFuture<>();
      client.handshake(fields, first::complete);
      Message reply = await(first, "handshake reply");
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!reply.isSuccessful() && reply.containsKey("failure") && !client.isDisconnected()) {
        long left = deadline - System.nanoTime();
        Message next = left <= 0 ? null : replies.poll(left, TimeUnit.NANOSECONDS);
        if (next == null) {
          throw new AssertionError("No successful handshake within " + WAIT + ": " + reply);
        }
        if (next != reply) {
          reply = next;
        }
      }
      return reply;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted waiting for a handshake", e);
    } finally {
      client.getChannel(Channel.META_HANDSHAKE).removeListener(listener);
    }
  }

  /** Subscribes; messages on {@code channel} are kept for {@link #next()}. Answers the reply. */
  public Message subscribe(String channel) {
    CompletableFuture<Message> reply = new CompletableFuture<>();
    client.getChannel(channel).subscribe((c, message) -> received.add(message), reply::complete);
    return await(reply, "subscribe reply for " + channel);
  }

  /** Publishes {@code data} to {@code channel} and answers the reply. */
  public Message publish(String channel, Object data) {
    CompletableFuture<Message> reply = new CompletableFuture<>();
    client.getChannel(channel).publish(data, reply::complete);
    return await(reply, "publish reply for " + channel);
  }

  /** The next message received on a subscribed channel, waiting at most {@link #WAIT}. */
  public Message next() {
    try {
      Message message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (message == null) {
        throw new AssertionError("No message within " + WAIT + " for " + gmsUser.get());
      }
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }

  /** Messages received on subscribed channels and not yet taken by {@link #next()}. */
  public int pending() {
    return received.size();
  }

  /** The {@code /meta/connect} replies received so far, oldest first. */
  public List<Message> connectReplies() {
    return List.copyOf(connectReplies);
  }

  /** The session id the server gave at the handshake. */
  public String clientId() {
    return client.getId();
  }

  /** The value of a cookie the server set, e.g. CometD's {@code BAYEUX_BROWSER}; null if none. */
  public String cookie(String name) {
    HttpCookie cookie = client.getCookie(name);
    return cookie == null ? null : cookie.getValue();
  }

  /** The Bayeux name of the transport in use. */
  public String transportName() {
    return client.getTransport().getName();
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  private static Message await(CompletableFuture<Message> reply, String what) {
    try {
      return reply.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("No " + what + " within " + WAIT, e);
    } catch (ExecutionException e) {
      throw new AssertionError(what + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted waiting for " + what, e);
    }
  }

  /**
   * Drops the connection without a word, as a device that loses its network: the server only learns
   * from the silence (the session then expires after {@code [cometd] max_interval}).
   */
  public void vanish() {
    client.abort();
    LifeCycle.stop(webSockets);
    LifeCycle.stop(http);
  }

  /**
   * Goes to the background as a mobile app does: {@code /meta/disconnect} with {@code
   * ext.transcriptPosition} (the first chat event not seen), then stops like {@link #close()}.
   */
  public void background(int transcriptPosition) {
    client.addExtension(
        new org.cometd.bayeux.client.ClientSession.Extension() {
          @Override
          public boolean sendMeta(
              org.cometd.bayeux.client.ClientSession session, Message.Mutable message) {
            if (Channel.META_DISCONNECT.equals(message.getChannel())) {
              message.getExt(true).put("transcriptPosition", transcriptPosition);
            }
            return true;
          }
        });
    close();
  }

  /**
   * Disconnects (waiting at most {@link #WAIT} for the client to say it is disconnected) and stops
   * the HTTP and websocket clients. Not {@code disconnect(timeout)}: over websocket it also waits
   * for a {@code /meta/connect} reply that never comes when the disconnect goes out while the first
   * connect is being answered, so it would always take the whole timeout.
   */
  @Override
  public void close() {
    try {
      if (!client.isDisconnected()) {
        client.disconnect();
        client.waitFor(WAIT.toMillis(), BayeuxClient.State.DISCONNECTED);
      }
    } finally {
      client.abort();
      LifeCycle.stop(webSockets);
      LifeCycle.stop(http);
    }
  }
}
