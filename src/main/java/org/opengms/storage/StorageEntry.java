package org.opengms.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.opengms.persistence.ColumnLengths;

/** One key of a {@link StorageArea}: a text value, or a reference to an uploaded file's blob. */
@EntityListeners(ColumnLengths.class)
@Entity
@Table(
    name = "storage_entry",
    uniqueConstraints =
        @UniqueConstraint(
            name = "uk_storage_entry_area_key",
            columnNames = {"area_id", "entry_key"}),
    // the orphan sweep asks which blob ids are referenced
    indexes = @Index(name = "ix_storage_entry_blob", columnList = "blob_id"))
public class StorageEntry {

  /**
   * From {@code storage_entry_seq} (migration V6), 50 ids per database call, so that an area's keys
   * are inserted as one JDBC batch ({@code hibernate.jdbc.batch_size}); an identity column makes
   * Hibernate insert them one by one to read each generated key.
   */
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "storage_entry_seq")
  @SequenceGenerator(
      name = "storage_entry_seq",
      sequenceName = "storage_entry_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "area_id", nullable = false)
  private StorageArea area;

  @Column(name = "entry_key", nullable = false, length = 255)
  private String entryKey;

  @Column(name = "text_value", length = 1_000_000)
  private String textValue;

  @Column(name = "blob_id", length = 36)
  private String blobId;

  @Column(name = "content_type", length = 255)
  private String contentType;

  @Column(name = "file_name", length = 255)
  private String fileName;

  @Column(name = "size_bytes")
  private Long size;

  protected StorageEntry() {}

  StorageEntry(StorageArea area, String key) {
    this.area = area;
    this.entryKey = key;
  }

  void assign(FormField field) {
    if (field instanceof FormField.File file) {
      textValue = null;
      blobId = file.blob().id();
      contentType = file.contentType();
      fileName = file.fileName();
      size = file.blob().size();
    } else {
      textValue = ((FormField.Text) field).value();
      blobId = null;
      contentType = null;
      fileName = null;
      size = null;
    }
  }

  String blobId() {
    return blobId;
  }

  StoredValue toValue() {
    return value(textValue, blobId, contentType, fileName, size);
  }

  /** The value of a key from its columns (as the reads select them, without the entity). */
  static StoredValue value(
      String textValue, String blobId, String contentType, String fileName, Long size) {
    return blobId == null
        ? new StoredValue.Text(textValue == null ? "" : textValue)
        : new StoredValue.Binary(blobId, contentType, fileName, size == null ? -1 : size);
  }
}
