package org.opengms.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.websocket.jakarta.WebSocketTransport;
import org.eclipse.jetty.ee10.websocket.jakarta.client.JakartaWebSocketClientContainer;

/**
 * One Chat API v2 customer of {@link ChatBench} as the mobile SDKs are: the official CometD Java
 * client over websocket, handshake WITHOUT gms_user, subscribed to /service/chatV2/&lt;service&gt;,
 * publishing requestChat, sendMessage and disconnect there and receiving the answers and every chat
 * event on that channel. The agents are ChatBench's, unchanged.
 */
final class ChatBenchV2Customer {

  /** Called with the text of an agent's Message event and the nanoTime it arrived. */
  interface AgentText {
    void received(String text, long nanos);
  }

  private final BayeuxClient client;
  private final String channel;
  private final AgentText agentText;
  private final Consumer<String> fail;
  private volatile String secureKey;

  ChatBenchV2Customer(
      String base,
      String service,
      ScheduledExecutorService scheduler,
      JakartaWebSocketClientContainer container,
      AgentText agentText,
      Consumer<String> fail) {
    this.channel = "/service/chatV2/" + service;
    this.agentText = agentText;
    this.fail = fail;
    client =
        new BayeuxClient(
            base + "/cometd",
            scheduler,
            new WebSocketTransport(new HashMap<>(), scheduler, container));
  }

  /** Handshake, subscribe, requestChat; {@code done} runs once the chat is started or failed. */
  void start(String nickname, Runnable started) {
    java.util.concurrent.atomic.AtomicBoolean once =
        new java.util.concurrent.atomic.AtomicBoolean();
    Runnable done =
        () -> {
          if (once.compareAndSet(false, true)) {
            started.run();
          }
        };
    client.handshake(
        reply -> {
          if (!reply.isSuccessful()) {
            fail.accept("v2 customer handshake " + reply.get(Message.ERROR_FIELD));
            done.run();
            return;
          }
          client
              .getChannel(channel)
              .subscribe(
                  (ClientSessionChannel.MessageListener) (c, m) -> onMessage(m, done),
                  sub -> {
                    if (!sub.isSuccessful()) {
                      fail.accept("v2 subscribe " + sub.get(Message.ERROR_FIELD));
                      done.run();
                      return;
                    }
                    publish(
                        Map.of(
                            "operation", "requestChat",
                            "nickname", nickname,
                            "subject", "bench"),
                        "requestChat");
                  });
        });
  }

  /** Whether requestChat was answered and the session is still connected. */
  boolean ready() {
    return secureKey != null && client.isConnected();
  }

  void send(String message) {
    publish(
        Map.of("operation", "sendMessage", "secureKey", secureKey, "message", message),
        "sendMessage");
  }

  /** Publishes disconnect (the chat ends), then {@code done} once the publish is acknowledged. */
  void end(Runnable done) {
    if (secureKey == null) {
      done.run();
      return;
    }
    client
        .getChannel(channel)
        .publish(Map.of("operation", "disconnect", "secureKey", secureKey), reply -> done.run());
  }

  void close() {
    client.disconnect();
  }

  private void publish(Map<String, Object> data, String what) {
    client
        .getChannel(channel)
        .publish(
            data,
            reply -> {
              if (!reply.isSuccessful()) {
                fail.accept("v2 " + what + " publish " + reply.get(Message.ERROR_FIELD));
              }
            });
  }

  @SuppressWarnings("unchecked")
  private void onMessage(Message message, Runnable started) {
    long now = System.nanoTime();
    Map<String, Object> data = message.getDataAsMap();
    if (data == null) {
      return;
    }
    if (!(data.get("statusCode") instanceof Number code) || code.intValue() != 0) {
      fail.accept("v2 error " + data.get("errors"));
      if (secureKey == null) {
        started.run();
      }
      return;
    }
    if (secureKey == null && data.get("secureKey") instanceof String key) {
      secureKey = key;
      started.run();
    }
    Object messages = data.get("messages");
    if (messages == null) {
      return;
    }
    for (Object item : messages instanceof List<?> list ? list.toArray() : (Object[]) messages) {
      Map<String, Object> event = (Map<String, Object>) item;
      if ("Message".equals(event.get("type"))
          && event.get("from") instanceof Map<?, ?> from
          && "Agent".equals(from.get("type"))
          && event.get("text") instanceof String text) {
        agentText.received(text, now);
      }
    }
  }
}
