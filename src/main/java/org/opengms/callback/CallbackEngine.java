package org.opengms.callback;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.opengms.api.error.AccessDeniedException;
import org.opengms.api.error.ResourceNotFoundException;

/**
 * The state changes of callbacks, each in one transaction on a locked row: a change happens once,
 * whoever asks (a request, the scheduler of this or another node, an agent). Each answers the
 * callback as committed, or empty when there was nothing to do.
 */
@Stateless
public class CallbackEngine {

  @EJB CallbackStore store;
  @EJB CallbackAdmissionLocks locks;

  /**
   * Stores a new callback once {@code admit} accepted it; an earlier one with the same request key
   * wins (idempotent start). The service's admission row (and its capacity service's) is locked
   * first, so the limits {@code admit} counts hold under concurrent starts on every node: the next
   * start of the service counts after this one committed.
   */
  public Callback create(
      Callback callback, String requestKey, Consumer<CallbackAdmissionRow> admit) {
    Optional<Callback> earlier = earlier(requestKey);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    String service = callback.getServiceName();
    String capacity = callback.getCapacityService();
    // always in name order, so two starts never wait for each other's second lock
    if (capacity != null && capacity.compareTo(service) < 0) {
      locks.lock(capacity);
    }
    CallbackAdmissionRow row = locks.lock(service);
    if (capacity != null && capacity.compareTo(service) > 0) {
      locks.lock(capacity);
    }
    earlier = earlier(requestKey); // a concurrent retry committed while we waited
    if (earlier.isPresent()) {
      return earlier.get();
    }
    admit.accept(row);
    if (requestKey != null) {
      callback.setRequestKey(requestKey);
    }
    store.persist(callback);
    return callback;
  }

  private Optional<Callback> earlier(String requestKey) {
    return requestKey == null ? Optional.empty() : store.findByRequestKey(requestKey);
  }

  /** SCHEDULED and due → QUEUED (or PAUSED); ORS execution gets a submit due now. */
  public Optional<Callback> makeDue(String id, Instant now, boolean ors, boolean paused) {
    Optional<Callback> locked = store.lock(id);
    if (locked.isEmpty()) {
      return Optional.empty();
    }
    Callback c = locked.get();
    if (c.getState() != CallbackState.SCHEDULED || c.getDesiredTime().isAfter(now)) {
      return Optional.empty();
    }
    c.moveTo(paused ? CallbackState.PAUSED : CallbackState.QUEUED, null, now);
    if (ors && !paused) {
      c.submitDue(now);
    }
    return Optional.of(c);
  }

  /** A callback not handled within its {@code _ttl} → COMPLETED FAIL_TIMEOUT_TTL. */
  public Optional<Callback> expire(String id, Instant now) {
    Optional<Callback> locked = store.lock(id);
    if (locked.isEmpty()) {
      return Optional.empty();
    }
    Callback c = locked.get();
    if (!CallbackStore.WAITING.contains(c.getState())
        || c.getExpiresAt() == null
        || c.getExpiresAt().isAfter(now)) {
      return Optional.empty();
    }
    c.moveTo(CallbackState.COMPLETED, CallbackReason.FAIL_TIMEOUT_TTL, now);
    return Optional.of(c);
  }

  /**
   * Claims the due submit attempt of a callback: pushes its next attempt {@code leaseSeconds} on,
   * so no other scan submits it meanwhile. Empty when not due (someone else claimed it).
   */
  public Optional<Callback> claimSubmit(String id, Instant now, int leaseSeconds) {
    Optional<Callback> locked = store.lock(id);
    if (locked.isEmpty()) {
      return Optional.empty();
    }
    Callback c = locked.get();
    if (c.getNextSubmitAt() == null
        || c.getNextSubmitAt().isAfter(now)
        || c.getState() == CallbackState.COMPLETED) {
      return Optional.empty();
    }
    c.submitDue(now.plusSeconds(leaseSeconds));
    return Optional.of(c);
  }

  /** Records a submit attempt; after {@code maxAttempts} failures → COMPLETED SUBMIT_FAILED. */
  public Optional<Callback> submitResult(
      String id, boolean ok, String url, Instant now, int maxAttempts, int retrySeconds) {
    Optional<Callback> locked = store.lock(id);
    if (locked.isEmpty()) {
      return Optional.empty();
    }
    Callback c = locked.get();
    if (c.getState() == CallbackState.COMPLETED) {
      return Optional.empty();
    }
    if (ok) {
      // where it went: a cancel is forwarded there (CallbackExecution#cancelled)
      Map<String, String> props = c.properties();
      props.put(CallbackExecution.SUBMITTED_URL, url);
      c.setProperties(props, now);
      c.submitted(now);
      return Optional.of(c);
    }
    c.submitFailed(now.plusSeconds(retrySeconds));
    if (c.getSubmitAttempts() >= maxAttempts) {
      c.moveTo(CallbackState.COMPLETED, CallbackReason.SUBMIT_FAILED, now);
    }
    return Optional.of(c);
  }

  /** DELETE: COMPLETED with {@code reason}; 400 when unknown or already finished. */
  public Callback cancel(String service, String id, String reason, Instant now) {
    Callback c =
        store
            .lock(id)
            .filter(x -> service == null || x.getServiceName().equals(service))
            .orElseThrow(() -> new CallbackException("No such request to cancel: [" + id + "]"));
    if (c.getState() == CallbackState.COMPLETED) {
      throw new CallbackException("Request already cancelled or completed: [" + id + "]");
    }
    c.moveTo(CallbackState.COMPLETED, reason, now);
    return c;
  }

  /** Admin cancel: each id that is not finished yet; answers those it ended. */
  public java.util.List<Callback> cancelAll(Collection<String> ids, String reason, Instant now) {
    java.util.List<Callback> ended = new java.util.ArrayList<>();
    for (String id : ids) {
      store
          .lock(id)
          .filter(c -> c.getState() != CallbackState.COMPLETED)
          .ifPresent(
              c -> {
                c.moveTo(CallbackState.COMPLETED, reason, now);
                ended.add(c);
              });
    }
    return ended;
  }

  /** The callback of {@code service} (any service when null), locked; 404 when unknown. */
  Callback locked(String service, String id) {
    return store
        .lock(id)
        .filter(x -> service == null || x.getServiceName().equals(service))
        .orElseThrow(() -> new ResourceNotFoundException("Callback " + id + " not found"));
  }

  /**
   * PUT: applies {@code change} to the locked callback in this transaction and answers it. The
   * change validates against the state it finds (never a stale read).
   */
  public Callback update(String service, String id, CallbackChange change, Instant now) {
    Callback c = locked(service, id);
    change.apply(c, now);
    return c;
  }

  /** An agent takes a QUEUED callback of a queue it serves. */
  public Callback accept(
      String id, String agent, Collection<String> queues, boolean confirm, Instant now) {
    Callback c = locked(null, id);
    if (!queues.isEmpty() && !queues.contains(c.getQueue())) {
      throw new AccessDeniedException("Callback " + id + " is not in a queue you serve");
    }
    if (c.getState() != CallbackState.QUEUED) {
      throw new CallbackException(
          "Callback '" + id + "' is not waiting for an agent. State=" + c.getState());
    }
    c.setAgent(agent);
    c.moveTo(confirm ? CallbackState.ROUTING : CallbackState.PROCESSING, null, now);
    return c;
  }

  /** The agent who took it ends it. */
  public Callback complete(String id, String agent, String reason, Instant now) {
    Callback c = locked(null, id);
    if (!agent.equals(c.getAgent())) {
      throw new AccessDeniedException("Callback " + id + " is not yours");
    }
    if (c.getState() == CallbackState.COMPLETED) {
      throw new CallbackException("Request already cancelled or completed: [" + id + "]");
    }
    c.moveTo(CallbackState.COMPLETED, reason, now);
    return c;
  }

  /** The customer confirmed (dialog {@code connect}): ROUTING → PROCESSING. */
  public Optional<Callback> confirmed(String id, Instant now) {
    Callback c = locked(null, id);
    if (c.getState() != CallbackState.ROUTING) {
      return Optional.empty();
    }
    c.moveTo(CallbackState.PROCESSING, null, now);
    return Optional.of(c);
  }

  /** Snooze: a waiting callback goes back to SCHEDULED at {@code at}. */
  public Optional<Callback> snooze(String id, Instant at, Instant now) {
    Callback c = locked(null, id);
    if (c.getState() != CallbackState.QUEUED && c.getState() != CallbackState.ROUTING) {
      return Optional.empty();
    }
    c.setAgent(null);
    c.reschedule(at, now);
    c.moveTo(CallbackState.SCHEDULED, null, now);
    return Optional.of(c);
  }

  /** Pause lists: QUEUED ↔ PAUSED for a service (resumed ORS callbacks get submitted). */
  public int pause(String service, boolean paused, boolean ors, Instant now) {
    CallbackState from = paused ? CallbackState.QUEUED : CallbackState.PAUSED;
    CallbackState to = paused ? CallbackState.PAUSED : CallbackState.QUEUED;
    int n = 0;
    for (Callback found :
        store.search(
            new CallbackQuery(service, from, false, null, null, null, Map.of(), false), 10_000)) {
      Callback c = store.lock(found.getId()).orElse(null);
      if (c == null || c.getState() != from) {
        continue;
      }
      c.moveTo(to, null, now);
      if (to == CallbackState.QUEUED && ors) {
        c.submitDue(now);
      }
      n++;
    }
    return n;
  }
}
