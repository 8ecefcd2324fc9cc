package org.opengms.callback;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The callbacks in the database, the engine's source of truth. Every read the engine makes is an
 * indexed query; every state change locks the row first, so two nodes (or a scan and a request)
 * never move the same callback twice.
 */
@Stateless
public class CallbackStore {

  /** States of callbacks not yet handled: {@code _ttl} applies to them. */
  static final Set<CallbackState> WAITING =
      EnumSet.of(
          CallbackState.SCHEDULED,
          CallbackState.QUEUED,
          CallbackState.ROUTING,
          CallbackState.PAUSED);

  @PersistenceContext(unitName = "gms")
  EntityManager em;

  public void persist(Callback callback) {
    em.persist(callback);
  }

  public Optional<Callback> find(String id) {
    return Optional.ofNullable(id == null ? null : em.find(Callback.class, id));
  }

  /** The callback, locked for update until the caller's transaction ends. */
  public Optional<Callback> lock(String id) {
    return Optional.ofNullable(em.find(Callback.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  public Optional<Callback> findByRequestKey(String key) {
    return em.createQuery("select c from Callback c where c.requestKey = :k", Callback.class)
        .setParameter("k", key)
        .getResultStream()
        .findFirst();
  }

  /** SCHEDULED callbacks whose desired time has come, oldest first. */
  public List<String> dueIds(Instant now, int max) {
    return em.createQuery(
            "select c.id from Callback c where c.state = :s and c.desiredTime <= :now"
                + " order by c.desiredTime",
            String.class)
        .setParameter("s", CallbackState.SCHEDULED)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  /** Callbacks still waiting to be handled whose {@code _ttl} has passed. */
  public List<String> expiredIds(Instant now, int max) {
    List<String> ids = new ArrayList<>();
    for (CallbackState s : WAITING) {
      ids.addAll(
          em.createQuery(
                  "select c.id from Callback c where c.state = :s and c.expiresAt <= :now",
                  String.class)
              .setParameter("s", s)
              .setParameter("now", now)
              .setMaxResults(max)
              .getResultList());
    }
    return ids;
  }

  /** Callbacks whose next ORS submit attempt is due. */
  public List<String> submitDueIds(Instant now, int max) {
    return em.createQuery(
            "select c.id from Callback c where c.nextSubmitAt <= :now order by c.nextSubmitAt",
            String.class)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }

  /** Queued callbacks of the queues given (all queues when empty), oldest desired time first. */
  public List<Callback> queued(Collection<String> queues, int max) {
    String where = queues.isEmpty() ? "" : " and c.queue in :q";
    TypedQuery<Callback> q =
        em.createQuery(
                "select c from Callback c where c.state = :s" + where + " order by c.desiredTime",
                Callback.class)
            .setParameter("s", CallbackState.QUEUED)
            .setMaxResults(max);
    if (!queues.isEmpty()) {
      q.setParameter("q", queues);
    }
    return q.getResultList();
  }

  public List<Callback> ofAgent(String login) {
    return em.createQuery(
            "select c from Callback c where c.agent = :a and c.state in :s order by c.desiredTime",
            Callback.class)
        .setParameter("a", login)
        .setParameter("s", EnumSet.of(CallbackState.ROUTING, CallbackState.PROCESSING))
        .getResultList();
  }

  public long count(String service, CallbackState state) {
    return em.createQuery(
            "select count(c) from Callback c where c.serviceName = :n and c.state = :s", Long.class)
        .setParameter("n", service)
        .setParameter("s", state)
        .getSingleResult();
  }

  public long countInQueue(String queue, CallbackState state) {
    return em.createQuery(
            "select count(c) from Callback c where c.queue = :q and c.state = :s", Long.class)
        .setParameter("q", queue)
        .setParameter("s", state)
        .getSingleResult();
  }

  /** Counts per queue of callbacks in {@code state}. */
  public Map<String, Long> countByQueue(CallbackState state) {
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row :
        em.createQuery(
                "select c.queue, count(c) from Callback c where c.state = :s group by c.queue",
                Object[].class)
            .setParameter("s", state)
            .getResultList()) {
      counts.put((String) row[0], (Long) row[1]);
    }
    return counts;
  }

  /** Counts per service and state. */
  public List<Object[]> countByServiceAndState() {
    return em.createQuery(
            "select c.serviceName, c.state, count(c) from Callback c"
                + " group by c.serviceName, c.state",
            Object[].class)
        .getResultList();
  }

  /**
   * Callbacks of {@code service} started since {@code since} with {@code name=value}, not ones
   * accepted as scheduled.
   */
  public long countSameParameter(String service, String name, String value, Instant since) {
    if ("_customer_number".equals(name)) {
      return em.createQuery(
              "select count(c) from Callback c where c.customerNumber = :v"
                  + " and c.serviceName = :n and c.createdAt >= :t and c.scheduledAtStart = false",
              Long.class)
          .setParameter("v", value)
          .setParameter("n", service)
          .setParameter("t", since)
          .getSingleResult();
    }
    return em.createQuery(
            "select count(c) from Callback c join c.indexed p where key(p) = :k and value(p) = :v"
                + " and c.serviceName = :n and c.createdAt >= :t and c.scheduledAtStart = false",
            Long.class)
        .setParameter("k", name)
        .setParameter("v", value)
        .setParameter("n", service)
        .setParameter("t", since)
        .getSingleResult();
  }

  public long countCreatedSince(String service, Instant since) {
    return em.createQuery(
            "select count(c) from Callback c where c.serviceName = :n and c.createdAt >= :t",
            Long.class)
        .setParameter("n", service)
        .setParameter("t", since)
        .getSingleResult();
  }

  /** Capacity bookings: callbacks neither cancelled nor failed in {@code [from, to)}. */
  public long booked(String capacityService, Instant from, Instant to) {
    return em.createQuery(
            "select count(c) from Callback c where c.capacityService = :cs"
                + " and c.desiredTime >= :f and c.desiredTime < :t"
                + " and (c.state <> :done or (c.reason not like 'FAIL%'"
                + " and c.reason not like 'CANCELLED%' and c.reason <> 'SUBMIT_FAILED'))",
            Long.class)
        .setParameter("cs", capacityService)
        .setParameter("f", from)
        .setParameter("t", to)
        .setParameter("done", CallbackState.COMPLETED)
        .getSingleResult();
  }

  /** The desired times of the bookings {@link #booked} counts, in {@code [from, to)}. */
  public List<Instant> bookedTimes(String capacityService, Instant from, Instant to) {
    return em.createQuery(
            "select c.desiredTime from Callback c where c.capacityService = :cs"
                + " and c.desiredTime >= :f and c.desiredTime < :t"
                + " and (c.state <> :done or (c.reason not like 'FAIL%'"
                + " and c.reason not like 'CANCELLED%' and c.reason <> 'SUBMIT_FAILED'))",
            Instant.class)
        .setParameter("cs", capacityService)
        .setParameter("f", from)
        .setParameter("t", to)
        .setParameter("done", CallbackState.COMPLETED)
        .getResultList();
  }

  /** The callbacks matching {@code query}, by desired time. */
  public List<Callback> search(CallbackQuery query, int max) {
    CallbackQueryJpql jpql = CallbackQueryJpql.of(query);
    TypedQuery<Callback> q = em.createQuery(jpql.text(), Callback.class).setMaxResults(max);
    jpql.parameters().forEach(q::setParameter);
    return q.getResultList();
  }

  /** At most {@code max} callbacks matching {@code query} after {@code after} (null: the first). */
  public List<Callback> page(CallbackQuery query, CallbackCursor after, int max) {
    CallbackQueryJpql jpql = CallbackQueryJpql.page(query, after);
    TypedQuery<Callback> q = em.createQuery(jpql.text(), Callback.class).setMaxResults(max);
    jpql.parameters().forEach(q::setParameter);
    return q.getResultList();
  }

  /**
   * How many callbacks match {@code query}, counted up to {@code max} (answers {@code max} when
   * there are more): the ids of at most {@code max} rows are read, so the cost is bounded whatever
   * the table holds (an exact count of 100,000 rows read them all: seconds on H2).
   */
  public long countUpTo(CallbackQuery query, int max) {
    CallbackQueryJpql jpql = CallbackQueryJpql.ids(query);
    TypedQuery<String> q = em.createQuery(jpql.text(), String.class).setMaxResults(max);
    jpql.parameters().forEach(q::setParameter);
    return q.getResultList().size();
  }

  /** Watermarks: QUEUED + PROCESSING per service. */
  public Map<String, Long> active(Collection<String> services) {
    Map<String, Long> counts = new HashMap<>();
    String where = services.isEmpty() ? "" : " and c.serviceName in :n";
    TypedQuery<Object[]> q =
        em.createQuery(
            "select c.serviceName, count(c) from Callback c where c.state in :s"
                + where
                + " group by c.serviceName",
            Object[].class);
    q.setParameter("s", EnumSet.of(CallbackState.QUEUED, CallbackState.PROCESSING));
    if (!services.isEmpty()) {
      q.setParameter("n", services);
    }
    for (Object[] row : q.getResultList()) {
      counts.put((String) row[0], (Long) row[1]);
    }
    return counts;
  }

  /** 1-based position of a QUEUED callback among its queue's, by desired time then creation. */
  public long positionInQueue(Callback c) {
    return em.createQuery(
                "select count(x) from Callback x where x.queue = :q and x.state = :s"
                    + " and (x.desiredTime < :d or (x.desiredTime = :d and x.createdAt < :c))",
                Long.class)
            .setParameter("q", c.getQueue())
            .setParameter("s", CallbackState.QUEUED)
            .setParameter("d", c.getDesiredTime())
            .setParameter("c", c.getCreatedAt())
            .getSingleResult()
        + 1;
  }
}
