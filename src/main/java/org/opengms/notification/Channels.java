package org.opengms.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;

/** Finds the channel of a subscription type. */
@ApplicationScoped
public class Channels {

  @Inject @Any Instance<NotificationChannel> all;

  public Optional<NotificationChannel> of(String type) {
    for (NotificationChannel channel : all) {
      if (channel.serves(type)) {
        return Optional.of(channel);
      }
    }
    return Optional.empty();
  }
}
