package org.opengms.persistence.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.storage.FormField;
import org.opengms.storage.StorageService;
import org.opengms.storage.StoredValue;
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;

/**
 * Group commit inside the server (an in-container test: the writes are the Storage API's own {@code
 * StorageService.create}, the transactions the container's): writes that queued while another group
 * committed run in one transaction and each caller gets its own result; when one of them fails,
 * only its caller sees the error and the others are stored once.
 */
@ExtendWith(ArquillianExtension.class)
class GroupCommitIT {

  private static final int FOLLOWERS = 8;

  @Deployment
  static WebArchive deployment() {
    return Deployments.war().addClass(Conditions.class); // used inside the server
  }

  @Inject GroupCommit groupCommit;
  @Inject StorageService storage;

  @Resource ManagedThreadFactory threads;
  @Resource TransactionSynchronizationRegistry transactions;
  @Resource UserTransaction userTransaction;

  @Test
  void shouldCommitTheWritesThatQueuedMeanwhileInOneTransaction() throws Exception {
    List<Object> keys = Collections.synchronizedList(new ArrayList<>());
    List<Future<String>> followers = queueBehindABlockedGroup(i -> keys.add(transactionKey()), -1);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < FOLLOWERS; i++) {
      String id = followers.get(i).get(30, TimeUnit.SECONDS);
      ids.add(id);
      assertEquals("value " + i, text(storage.readAll(id).get("k")), "each caller its own area");
    }
    assertEquals(FOLLOWERS, ids.size());
    synchronized (keys) {
      assertEquals(FOLLOWERS, keys.size(), "each write ran once: " + keys);
      assertEquals(1, new HashSet<>(keys).size(), "in one transaction: " + keys);
    }
  }

  @Test
  void shouldRunEachWriteAloneWhenOneOfItsGroupFails() throws Exception {
    int failing = 3;
    AtomicInteger[] runs = new AtomicInteger[FOLLOWERS];
    for (int i = 0; i < FOLLOWERS; i++) {
      runs[i] = new AtomicInteger();
    }
    List<Future<String>> followers =
        queueBehindABlockedGroup(i -> runs[i].incrementAndGet(), failing);
    for (int i = 0; i < FOLLOWERS; i++) {
      if (i == failing) {
        Future<String> refused = followers.get(i);
        ExecutionException e =
            assertThrows(ExecutionException.class, () -> refused.get(30, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, e.getCause(), "its own error, unwrapped");
        assertEquals("write " + i + " refused", e.getCause().getMessage());
      } else {
        String id = followers.get(i).get(30, TimeUnit.SECONDS);
        assertEquals("value " + i, text(storage.readAll(id).get("k")));
      }
      // The group stops at its first failure: the writes before it and the failing one ran in
      // the group (rolled back) and again alone; those after it ran alone only.
      assertEquals(i <= failing ? 2 : 1, runs[i].get(), "runs of write " + i);
    }
  }

  @Test
  void shouldRunTheWriteOfACallerInATransactionInThatTransaction() throws Exception {
    userTransaction.begin();
    String id;
    try {
      Object outer = transactionKey();
      id =
          groupCommit.run(
              () -> {
                assertEquals(outer, transactionKey(), "the caller's transaction");
                return create("rolled back with the caller's");
              });
    } finally {
      userTransaction.rollback();
    }
    String gone = id;
    assertThrows(ResourceNotFoundException.class, () -> storage.readAll(gone));
  }

  /**
   * Starts a write that blocks inside its group's transaction, queues {@link #FOLLOWERS} writes
   * behind it (they form the next group), then lets it commit. Each follower stores "value i" under
   * key "k", calls {@code onRun} each time it runs, and the one numbered {@code failing} throws
   * instead.
   */
  private List<Future<String>> queueBehindABlockedGroup(IntConsumer onRun, int failing)
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch leaderRunning = new CountDownLatch(1);
    Future<String> leader =
        submit(
            () ->
                groupCommit.run(
                    () -> {
                      leaderRunning.countDown();
                      await(release);
                      return create("leader");
                    }));
    assertEquals(true, leaderRunning.await(30, TimeUnit.SECONDS), "the first write runs");
    List<Future<String>> followers = new ArrayList<>();
    for (int n = 0; n < FOLLOWERS; n++) {
      int i = n;
      followers.add(
          submit(
              () ->
                  groupCommit.run(
                      () -> {
                        onRun.accept(i);
                        if (i == failing) {
                          throw new IllegalStateException("write " + i + " refused");
                        }
                        return create("value " + i);
                      })));
      Conditions.await(
          "write " + i + " queued", Duration.ofSeconds(30), () -> groupCommit.waiting() == i + 1);
    }
    release.countDown();
    assertEquals("leader", text(storage.readAll(leader.get(30, TimeUnit.SECONDS)).get("k")));
    return followers;
  }

  /** Runs {@code task} in a thread of its own (each write must wait in its own thread). */
  private <T> Future<T> submit(Supplier<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    threads
        .newThread(
            () -> {
              try {
                result.complete(task.get());
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            })
        .start();
    return result;
  }

  private String create(String value) {
    return storage.create(Instant.now().plusSeconds(600), List.of(new FormField.Text("k", value)));
  }

  private Object transactionKey() {
    return transactions.getTransactionKey();
  }

  private static String text(StoredValue value) {
    return ((StoredValue.Text) value).value();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
