package org.opengms.persistence.group;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.opengms.config.ConfigurationProvider;

/**
 * Commits the writes of concurrent requests together. The first request to arrive leads: it takes
 * every write waiting (its own first, at most {@code [storage] group_commit}), runs them in one
 * transaction ({@link GroupTransaction}), and once that committed each waiting request returns its
 * result. Writes arriving meanwhile wait for the next group, which the oldest of them leads. No
 * thread of our own, and the queue is bounded by the requests in flight.
 *
 * <p>A write must be independent of the others and of its caller's context (it may run in another
 * request's thread), and must be safe to run again: when any write of a group fails, the group
 * rolls back and each write runs again alone in its own request's thread, exactly as without group
 * commit, so only the failing one sees its error. A caller already inside a transaction runs its
 * write there (grouping it would commit it apart from the rest of that transaction).
 */
@ApplicationScoped
public class GroupCommit {

  @Inject GroupTransaction transaction;
  @Inject ConfigurationProvider configuration;

  @Resource TransactionSynchronizationRegistry transactions;

  private final Object lock = new Object();
  private final ArrayDeque<GroupedWrite<?>> waiting = new ArrayDeque<>();
  private boolean leading;

  /**
   * Runs {@code work} (a write in a transaction of its own) and returns its result once durable.
   */
  public <T> T run(Supplier<T> work) {
    int max = configuration.current().get(GroupCommitSettings.class).maxWrites();
    if (max == 1 || transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
      return work.get();
    }
    GroupedWrite<T> write = new GroupedWrite<>(work);
    boolean lead;
    synchronized (lock) {
      waiting.add(write);
      lead = !leading;
      leading = true;
    }
    GroupedWrite.State state = lead ? GroupedWrite.State.LEADING : write.await();
    if (state == GroupedWrite.State.LEADING) {
      commitNextGroup(max);
      state = write.await();
    }
    return state == GroupedWrite.State.COMMITTED ? write.result() : write.runAlone();
  }

  /** How many writes wait for the next group (for monitoring and tests). */
  public int waiting() {
    synchronized (lock) {
      return waiting.size();
    }
  }

  /** Takes the waiting writes (the leader's own first), commits them, hands the lead on. */
  private void commitNextGroup(int max) {
    List<GroupedWrite<?>> group = new ArrayList<>();
    synchronized (lock) {
      while (group.size() < max && !waiting.isEmpty()) {
        group.add(waiting.poll());
      }
    }
    boolean committed = false;
    try {
      committed = transaction.runAll(group);
    } catch (RuntimeException e) {
      // The commit itself failed (committed stays false): every write runs again alone, where
      // its own error shows.
    } finally {
      handOverLead();
      for (GroupedWrite<?> write : group) {
        if (committed) {
          write.committed();
        } else {
          write.alone();
        }
      }
    }
  }

  private void handOverLead() {
    GroupedWrite<?> next;
    synchronized (lock) {
      next = waiting.peek();
      if (next == null) {
        leading = false;
      }
    }
    if (next != null) {
      next.lead();
    }
  }
}
