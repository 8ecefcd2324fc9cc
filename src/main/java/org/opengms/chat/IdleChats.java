package org.opengms.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.expiry.ExpiringData;
import org.opengms.service.ServiceCatalog;

/**
 * Idle chats as data that expires: the {@link org.opengms.expiry.ExpirySweeper}'s timer ends them
 * in bounded batches ({@code [storage] sweep_interval}, {@code sweep_batch}), so the idle timeout
 * is honoured within one sweep interval and no request pays for it.
 */
@ApplicationScoped
public class IdleChats implements ExpiringData {

  private static final Logger LOG = Logger.getLogger(IdleChats.class.getName());

  @Inject OpenChats open;
  @Inject ChatQueue queue;
  @Inject ChatRouter router;
  @Inject ConfigurationProvider configuration;
  @Inject ChatBackground background;
  @Inject ChatCluster cluster;

  @Override
  @Transactional
  public int deleteExpiredBatch(int max) {
    return endIdle(max);
  }

  /**
   * Ends up to {@code max} chats idle longer than their idle timeout, as if the customer had left
   * ({@code Notice.Left}, pushed like any event); the agent loses the chat. Waiting chats count
   * too: a customer who neither polls nor writes has abandoned the chat.
   *
   * @return how many ended; fewer than {@code max} means no idle chat is left
   */
  int endIdle(int max) {
    if (!cluster.sweepsIdle()) {
      return 0; // another node sweeps
    }
    Instant now = Instant.now();
    GmsConfiguration config = configuration.current();
    List<LiveChat> idle = new ArrayList<>();
    for (LiveChat chat : open.all()) {
      if (idle.size() == max) {
        break;
      }
      if (isIdle(chat, config, now)) {
        idle.add(chat);
      } else {
        alertIfDue(chat, config, now);
      }
    }
    if (idle.isEmpty()) {
      return 0;
    }
    cluster.connect();
    synchronized (queue.lock()) {
      cluster.lockRouting();
      for (LiveChat chat : idle) {
        synchronized (chat) {
          cluster.lock(chat, false); // another node may have seen activity since
          if (chat.session.getState() != ChatState.FINISHED && isIdle(chat, config, now)) {
            background.idleClosed(chat, timeout(chat, config));
            router.finish(chat, Transcripts.customerLeft(chat));
            LOG.fine(() -> "Chat " + chat.id() + " ended: idle");
          }
        }
      }
      router.route();
    }
    return idle.size();
  }

  private static boolean isIdle(LiveChat chat, GmsConfiguration config, Instant now) {
    return chat.idleAt(now, timeout(chat, config));
  }

  private static int timeout(LiveChat chat, GmsConfiguration config) {
    return config
        .get(ChatSettings.class)
        .idleTimeoutSeconds(config.get(ServiceCatalog.class).find(chat.session.getServiceName()));
  }

  /** The chat's device hears that the idle end is near ({@code IdleAlert}), once per stretch. */
  private void alertIfDue(LiveChat chat, GmsConfiguration config, Instant now) {
    if (chat.session.getDevice() == null) {
      return;
    }
    int alert =
        config
            .get(ChatSettings.class)
            .idleAlertSeconds(config.get(ServiceCatalog.class).find(chat.session.getServiceName()));
    int timeout = timeout(chat, config);
    if (chat.idleAlertDue(now, timeout, alert)) {
      background.idleAlert(chat, Math.min(alert, timeout));
    }
  }

  @Override
  public String toString() {
    return "idle chats";
  }
}
