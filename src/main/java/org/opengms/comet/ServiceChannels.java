package org.opengms.comet;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cometd.bayeux.server.Authorizer;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.server.authorizer.GrantAuthorizer;

/**
 * Wires the {@link ServiceChannel}s into the Bayeux server: every session may create, subscribe and
 * publish on their channels, each concrete channel gets a listener handing messages to its handler,
 * and a {@link ServiceOnlySession} is denied every other channel.
 */
final class ServiceChannels {

  private static final Logger LOG = Logger.getLogger(ServiceChannels.class.getName());

  private ServiceChannels() {}

  static Authorizer onlyThere(List<ServiceChannel> handlers) {
    return (operation, channel, session, message) -> {
      if (ServiceOnlySession.of(session).isEmpty()) {
        return Authorizer.Result.ignore();
      }
      String name = channel.toString();
      boolean allowed = handlers.stream().anyMatch(h -> name.startsWith(h.prefix()));
      return allowed ? Authorizer.Result.ignore() : Authorizer.Result.deny("service_only");
    };
  }

  static void register(BayeuxServer server, List<ServiceChannel> handlers) {
    for (ServiceChannel handler : handlers) {
      server.createChannelIfAbsent(
          handler.prefix() + "*",
          channel -> {
            channel.setPersistent(true);
            channel.addAuthorizer(GrantAuthorizer.GRANT_ALL);
          });
    }
    server.addListener(
        new BayeuxServer.ChannelListener() {
          @Override
          public void channelAdded(ServerChannel channel) {
            if (channel.isWild()) {
              return;
            }
            for (ServiceChannel handler : handlers) {
              if (channel.getId().startsWith(handler.prefix())) {
                channel.addListener(listener(handler));
              }
            }
          }

          @Override
          public void channelRemoved(String channelId) {}

          @Override
          public void configureChannel(
              org.cometd.bayeux.server.ConfigurableServerChannel channel) {}
        });
  }

  private static ServerChannel.MessageListener listener(ServiceChannel handler) {
    return new ServerChannel.MessageListener() {
      @Override
      public boolean onMessage(
          org.cometd.bayeux.server.ServerSession from,
          ServerChannel channel,
          org.cometd.bayeux.server.ServerMessage.Mutable message) {
        Map<String, Object> data = message.getDataAsMap();
        if (from != null && data != null) {
          try {
            handler.received(from, channel.getId(), data);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "CometD " + channel.getId() + ": handler failed", e);
          }
        }
        return true;
      }
    };
  }
}
