package org.opengms.storage;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.ResourceNotFoundException;

/**
 * Storage areas: create, merge, read, delete, and deletion of expired ones. An area is gone for
 * readers the instant its TTL passes; the sweep only reclaims the space.
 *
 * <p>Methods that drop file references return the blob ids to delete; callers delete the files
 * after the transaction committed, so a rolled-back request never loses a file still referenced.
 */
@Stateless
public class StorageService {

  @PersistenceContext(unitName = "gms")
  EntityManager em;

  /** A new area living until {@code expiresAt} (service storage lives as long as its service). */
  public String create(Instant expiresAt, List<FormField> fields) {
    requireValidKeys(fields);
    StorageArea area = new StorageArea(UUID.randomUUID().toString(), Instant.now(), expiresAt);
    fields.forEach(area::put);
    em.persist(area);
    return area.getId();
  }

  /** Merges {@code fields} into the area, which then lives until {@code expiresAt}. */
  public List<String> update(String id, Instant expiresAt, List<FormField> fields) {
    requireValidKeys(fields);
    return merge(liveArea(id, LockModeType.PESSIMISTIC_WRITE), expiresAt, fields);
  }

  /**
   * The Storage API's {@code POST /1/storage/{id}/{ttl}}: merges into the live area {@code id}, or
   * creates it under that client-chosen id when there is none (an expired one starts empty again).
   * Returns the blobs no key refers to any more.
   */
  public List<String> put(String id, int ttlSeconds, List<FormField> fields) {
    StorageIds.require(id);
    requireValidKeys(fields);
    Instant now = Instant.now();
    Instant expiresAt = now.plusSeconds(ttlSeconds);
    StorageArea area = em.find(StorageArea.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (area == null) {
      area = new StorageArea(id, now, expiresAt);
      em.persist(area);
      return merge(area, expiresAt, fields);
    }
    List<String> dropped = new ArrayList<>();
    if (area.isExpiredAt(now)) {
      // Keys of the fields are updated in place, so no delete and insert of one key collide.
      dropped.addAll(
          area.retainOnly(fields.stream().map(FormField::name).collect(Collectors.toSet())));
    }
    dropped.addAll(merge(area, expiresAt, fields));
    return dropped;
  }

  private static List<String> merge(StorageArea area, Instant expiresAt, List<FormField> fields) {
    area.expireAt(expiresAt);
    List<String> replaced = new ArrayList<>();
    for (FormField field : fields) {
      String old = area.put(field);
      if (old != null) {
        replaced.add(old);
      }
    }
    return replaced;
  }

  /**
   * All keys of a live area, sorted by key. Reads need no transaction of their own (SUPPORTS: they
   * join the caller's, if any), and select the columns they answer with in one query (the area's
   * expiry and its keys' values, no entity built or tracked), so a read has no begin and commit to
   * pay for and nothing to flush.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Map<String, StoredValue> readAll(String id) {
    Map<String, StoredValue> values = new TreeMap<>();
    for (Object[] row : liveRows(StorageArea.VALUES, id, null)) {
      if (row[1] != null) {
        values.put((String) row[1], value(row));
      }
    }
    return values;
  }

  /** One key of a live area (a read, as {@link #readAll}). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public StoredValue read(String id, String key) {
    Object[] row = liveRows(StorageArea.VALUE, id, key).get(0);
    if (row[1] == null) {
      throw new ResourceNotFoundException("Key " + key + " not found in storage " + id);
    }
    return value(row);
  }

  /** Removes one key of a live area (404 if it has no such key); returns its blob, if any. */
  public List<String> deleteKey(String id, String key) {
    StorageArea area = liveArea(id, LockModeType.PESSIMISTIC_WRITE);
    if (!area.entries().containsKey(key)) {
      throw new ResourceNotFoundException("Key " + key + " not found in storage " + id);
    }
    String blob = area.remove(key);
    return blob == null ? List.of() : List.of(blob);
  }

  /** Removes every key of a live area, keeping the area; returns the blobs it referenced. */
  public List<String> clear(String id) {
    StorageArea area = liveArea(id, LockModeType.PESSIMISTIC_WRITE);
    List<String> blobs = blobIds(area);
    area.entries().clear();
    return blobs;
  }

  /** Deletes a live area; returns the blobs it referenced. */
  public List<String> delete(String id) {
    StorageArea area = liveArea(id, LockModeType.PESSIMISTIC_WRITE);
    List<String> blobs = blobIds(area);
    em.remove(area);
    return blobs;
  }

  /** Deletes up to {@code max} expired areas in a transaction of its own; returns their blobs. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public SweepResult deleteExpired(int max) {
    Instant now = Instant.now();
    List<String> ids =
        em.createNamedQuery(StorageArea.EXPIRED_IDS, String.class)
            .setParameter("now", now)
            .setMaxResults(max)
            .getResultList();
    if (ids.isEmpty()) {
      return new SweepResult(0, List.of());
    }
    // Expiry is checked again each time: a client may have revived an id (put) meanwhile.
    List<String> blobs =
        em.createQuery(
                "select e.blobId from StorageEntry e where e.blobId is not null and e.area.id in"
                    + " (select a.id from StorageArea a where a.id in :ids and a.expiresAt <= :now)",
                String.class)
            .setParameter("ids", ids)
            .setParameter("now", now)
            .getResultList();
    em.createQuery(
            "delete from StorageEntry e where e.area.id in (select a.id from StorageArea a"
                + " where a.id in :ids and a.expiresAt <= :now)")
        .setParameter("ids", ids)
        .setParameter("now", now)
        .executeUpdate();
    int areas =
        em.createQuery("delete from StorageArea a where a.id in :ids and a.expiresAt <= :now")
            .setParameter("ids", ids)
            .setParameter("now", now)
            .executeUpdate();
    return new SweepResult(areas, blobs);
  }

  /** Which of {@code blobIds} a stored key still refers to (the others are orphans). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Set<String> referencedBlobs(Collection<String> blobIds) {
    if (blobIds.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        em.createQuery("select e.blobId from StorageEntry e where e.blobId in :ids", String.class)
            .setParameter("ids", blobIds)
            .getResultList());
  }

  /** How many areas one sweep batch deleted, and the files they referenced. */
  public record SweepResult(int areas, List<String> blobs) {}

  private StorageArea liveArea(String id, LockModeType lock) {
    StorageArea area = em.find(StorageArea.class, id, lock);
    if (area == null || area.isExpiredAt(Instant.now())) {
      throw new ResourceNotFoundException("Storage " + id + " not found");
    }
    return area;
  }

  /**
   * The rows of {@code query} for the live area {@code id}: at least one (a key's columns are null
   * when the area has none, or not that {@code key}), else 404.
   */
  private List<Object[]> liveRows(String query, String id, String key) {
    var select = em.createNamedQuery(query, Object[].class).setParameter("id", id);
    if (key != null) {
      select.setParameter("key", key);
    }
    List<Object[]> rows = select.getResultList();
    if (rows.isEmpty() || !((Instant) rows.get(0)[0]).isAfter(Instant.now())) {
      throw new ResourceNotFoundException("Storage " + id + " not found");
    }
    return rows;
  }

  private static StoredValue value(Object[] row) {
    return StorageEntry.value(
        (String) row[2], (String) row[3], (String) row[4], (String) row[5], (Long) row[6]);
  }

  private static List<String> blobIds(StorageArea area) {
    return area.entries().values().stream()
        .map(StorageEntry::blobId)
        .filter(Objects::nonNull)
        .toList();
  }

  /** Refuses keys the Storage API does not allow (400), before anything is written. */
  static void requireValidKeys(List<FormField> fields) {
    for (FormField field : fields) {
      if (field.name().isEmpty()) {
        throw new InvalidRequestException("Keys may not be empty");
      }
      if (field.name().startsWith("_")) {
        throw new InvalidRequestException(
            "Keys may not begin with an underscore (_): " + field.name());
      }
      if (field.name().length() > 255) {
        throw new InvalidRequestException("Keys may not be longer than 255 characters");
      }
      if (hasControlCharacter(field.name())) {
        throw new InvalidRequestException(
            "Keys may not contain control characters (CR, LF, NUL...)");
      }
    }
  }

  private static boolean hasControlCharacter(String text) {
    return text.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL);
  }
}
