package org.opengms.comet;

import java.util.Map;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;

/**
 * Caps what a client may ask for in its advice: CometD honours a client's {@code advice.timeout}
 * (how long a {@code /meta/connect} is held) and {@code advice.interval} (how long it waits before
 * the next one, which keeps a silent session alive). Over {@code [cometd] timeout} / {@code
 * max_interval} they are lowered to those; negative or non-numeric values are dropped, so the
 * configured ones apply.
 */
final class AdviceCaps implements BayeuxServer.Extension {

  private final long maxTimeout;
  private final long maxInterval;

  AdviceCaps(CometSettings settings) {
    this.maxTimeout = settings.timeoutMillis();
    this.maxInterval = settings.maxIntervalMillis();
  }

  @Override
  public boolean rcvMeta(ServerSession session, ServerMessage.Mutable message) {
    String channel = message.getChannel();
    if (Channel.META_CONNECT.equals(channel) || Channel.META_HANDSHAKE.equals(channel)) {
      Map<String, Object> advice = message.getAdvice();
      if (advice != null) {
        cap(advice, Message.TIMEOUT_FIELD, maxTimeout);
        cap(advice, Message.INTERVAL_FIELD, maxInterval);
      }
    }
    return true;
  }

  private static void cap(Map<String, Object> advice, String field, long max) {
    Object value = advice.get(field);
    if (value == null) {
      return;
    }
    if (!(value instanceof Number number)
        || !Double.isFinite(number.doubleValue())
        || number.doubleValue() < 0) {
      advice.remove(field);
    } else if (number.doubleValue() > max) {
      advice.put(field, max);
    }
  }

  /** The advice field names (Bayeux). */
  private static final class Message {
    static final String TIMEOUT_FIELD = "timeout";
    static final String INTERVAL_FIELD = "interval";
  }
}
