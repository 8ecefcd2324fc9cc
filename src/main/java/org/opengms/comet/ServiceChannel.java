package org.opengms.comet;

import java.util.Map;
import org.cometd.bayeux.server.ServerSession;

/**
 * A family of CometD service channels a feature answers on (e.g. Chat API v2 on {@code
 * /service/chatV2/<service>}): CDI beans implementing it are registered when CometD starts. Any
 * session may subscribe and publish there, including sessions that handshook without {@code
 * gms_user} ({@link ServiceOnlySession}), which may use nothing else.
 */
public interface ServiceChannel {

  /** The channels' common prefix, ending in {@code /}, e.g. {@code /service/chatV2/}. */
  String prefix();

  /** A message {@code from} published on {@code channel}; answers go by {@code deliver}. */
  void received(ServerSession from, String channel, Map<String, Object> data);
}
