package org.opengms.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.opengms.expiry.ExpiringData;

/**
 * Idle chats as data that expires: the {@link org.opengms.expiry.ExpirySweeper}'s timer ends them
 * in bounded batches ({@code [storage] sweep_interval}, {@code sweep_batch}), so the idle timeout
 * is honoured within one sweep interval and no request pays for it.
 */
@ApplicationScoped
public class IdleChats implements ExpiringData {

  @Inject ChatEngine engine;

  @Override
  public int deleteExpiredBatch(int max) {
    return engine.endIdle(max);
  }

  @Override
  public String toString() {
    return "idle chats";
  }
}
