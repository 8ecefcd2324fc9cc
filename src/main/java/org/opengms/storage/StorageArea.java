package org.opengms.storage;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.MapKey;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengms.persistence.ColumnLengths;

/** A set of keys stored together under one unguessable id, living until {@link #expiresAt}. */
@EntityListeners(ColumnLengths.class)
@Entity
@Table(
    name = "storage_area",
    indexes = @Index(name = "ix_storage_area_expires_at", columnList = "expires_at"))
@NamedQuery(
    name = StorageArea.EXPIRED_IDS,
    query = "select a.id from StorageArea a where a.expiresAt <= :now order by a.expiresAt")
@NamedQuery(
    name = StorageArea.VALUES,
    query =
        "select a.expiresAt, e.entryKey, e.textValue, e.blobId, e.contentType, e.fileName, e.size"
            + " from StorageArea a left join a.entries e where a.id = :id")
@NamedQuery(
    name = StorageArea.VALUE,
    query =
        "select a.expiresAt, e.entryKey, e.textValue, e.blobId, e.contentType, e.fileName, e.size"
            + " from StorageArea a left join a.entries e on e.entryKey = :key where a.id = :id")
public class StorageArea {

  static final String EXPIRED_IDS = "StorageArea.expiredIds";
  static final String VALUES = "StorageArea.values";
  static final String VALUE = "StorageArea.value";

  @Id
  @Column(length = StorageIds.MAX_LENGTH)
  private String id;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  @OneToMany(mappedBy = "area", cascade = CascadeType.ALL, orphanRemoval = true)
  @MapKey(name = "entryKey")
  private Map<String, StorageEntry> entries = new HashMap<>();

  protected StorageArea() {}

  StorageArea(String id, Instant now, Instant expiresAt) {
    this.id = id;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  public String getId() {
    return id;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  boolean isExpiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }

  /** Drops every key not named in {@code keep}; returns the blobs the dropped keys referenced. */
  List<String> retainOnly(Set<String> keep) {
    List<String> dropped = new ArrayList<>();
    entries
        .entrySet()
        .removeIf(
            e -> {
              boolean drop = !keep.contains(e.getKey());
              if (drop && e.getValue().blobId() != null) {
                dropped.add(e.getValue().blobId());
              }
              return drop;
            });
    return dropped;
  }

  void expireAt(Instant expiresAt) {
    this.expiresAt = expiresAt;
  }

  /** Removes one key; returns its blob, if it had one. */
  String remove(String key) {
    StorageEntry removed = entries.remove(key);
    return removed == null ? null : removed.blobId();
  }

  Map<String, StorageEntry> entries() {
    return entries;
  }

  /** Stores {@code field} under its name; returns the blob the old value referenced, if any. */
  String put(FormField field) {
    StorageEntry existing = entries.get(field.name());
    String replacedBlob = existing == null ? null : existing.blobId();
    if (existing == null) {
      existing = new StorageEntry(this, field.name());
      entries.put(field.name(), existing);
    }
    existing.assign(field);
    return replacedBlob;
  }
}
