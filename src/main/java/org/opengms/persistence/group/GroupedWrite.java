package org.opengms.persistence.group;

import java.util.function.Supplier;

/**
 * One request's write waiting in a {@link GroupCommit}: its work, and what became of it. The
 * request's thread waits on this object until the write is done or its thread is asked to lead the
 * next group.
 */
final class GroupedWrite<T> {

  enum State {
    WAITING,
    LEADING,
    COMMITTED,
    ALONE
  }

  private final Supplier<T> work;
  private T result; // set in the group, kept only if it commits
  private State state = State.WAITING;

  GroupedWrite(Supplier<T> work) {
    this.work = work;
  }

  /** Runs the work inside the group's transaction; its result counts once that commits. */
  void runInGroup() {
    result = work.get();
  }

  /** Runs the work on its own, in the caller's thread and the work's own transaction. */
  T runAlone() {
    return work.get();
  }

  T result() {
    return result;
  }

  synchronized void committed() {
    finish(State.COMMITTED);
  }

  /** The group failed: the write's own thread runs it again on its own. */
  synchronized void alone() {
    result = null;
    finish(State.ALONE);
  }

  synchronized void lead() {
    finish(State.LEADING);
  }

  private void finish(State next) {
    state = next;
    notifyAll();
  }

  /** Waits until this write is committed, must run alone, or its thread leads the next group. */
  synchronized State await() {
    boolean interrupted = false;
    while (state == State.WAITING) {
      try {
        wait();
      } catch (InterruptedException e) {
        // The write is already in a group that may commit: waiting for its outcome is the only
        // honest answer; the interrupt is restored for the caller.
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return state;
  }
}
