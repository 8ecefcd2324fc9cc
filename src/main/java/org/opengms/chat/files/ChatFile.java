package org.opengms.chat.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.opengms.persistence.ColumnLengths;

/**
 * One file uploaded to a chat: who uploaded it, its name, type and size, and the {@link
 * org.opengms.persistence.files.BlobStore} file holding its bytes. A deleted file keeps its row (it
 * still counts against the chat's upload limits) without its bytes.
 */
@EntityListeners(ColumnLengths.class)
@Entity
@Table(
    name = "chat_file",
    indexes = {
      // a chat's files and counts; the orphan sweep asks which blob ids are referenced
      @Index(name = "ix_chat_file_chat", columnList = "chat_id, uploaded_at"),
      @Index(name = "ix_chat_file_blob", columnList = "blob_id")
    })
@NamedQuery(
    name = ChatFile.OF_CHAT,
    query = "select f from ChatFile f where f.chatId = :chatId order by f.uploadedAt, f.id")
@NamedQuery(
    name = ChatFile.REFERENCED,
    query = "select f.blobId from ChatFile f where f.blobId in :ids and f.deletedAt is null")
@NamedQuery(
    name = ChatFile.PAST_RETENTION,
    query =
        "select f from ChatFile f, ChatSession c where c.id = f.chatId and f.deletedAt is null"
            + " and c.state = :finished and c.finishedAt < :cutoff and c.serviceName = :service")
@NamedQuery(
    name = ChatFile.PAST_RETENTION_OTHERS,
    query =
        "select f from ChatFile f, ChatSession c where c.id = f.chatId and f.deletedAt is null"
            + " and c.state = :finished and c.finishedAt < :cutoff"
            + " and c.serviceName not in :configured")
public class ChatFile {

  static final String OF_CHAT = "ChatFile.ofChat";
  static final String REFERENCED = "ChatFile.referenced";
  static final String PAST_RETENTION = "ChatFile.pastRetention";
  static final String PAST_RETENTION_OTHERS = "ChatFile.pastRetentionOthers";

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "chat_id", nullable = false, length = 16)
  private String chatId;

  @Column(name = "blob_id", nullable = false, length = 36)
  private String blobId;

  @Column(name = "file_name", nullable = false, length = 255)
  private String fileName;

  @Column(name = "content_type", nullable = false, length = 255)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(length = 1024)
  private String description;

  /** {@code CLIENT} or {@code AGENT}. */
  @Column(name = "uploaded_by", nullable = false, length = 16)
  private String uploadedBy;

  /** The agent's login; null for the customer. */
  @Column(name = "agent_login", length = 255)
  private String agentLogin;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  /** Downloads by the customer (counted against the download attempts). */
  @Column(name = "client_downloads", nullable = false)
  private int clientDownloads;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  protected ChatFile() {}

  ChatFile(String id, String chatId, String blobId, Upload upload, Instant now) {
    this.id = id;
    this.chatId = chatId;
    this.blobId = blobId;
    this.fileName = upload.fileName();
    this.contentType = upload.contentType();
    this.size = upload.size();
    this.description = upload.description();
    this.uploadedBy = upload.by().userType();
    this.agentLogin = upload.by().agentLogin();
    this.uploadedAt = now;
  }

  /** What an upload says about its file, checked against the limits before anything is stored. */
  record Upload(String fileName, String contentType, long size, String description, Party by) {}

  public String id() {
    return id;
  }

  public String chatId() {
    return chatId;
  }

  public String blobId() {
    return blobId;
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  public long size() {
    return size;
  }

  public String description() {
    return description == null ? "" : description;
  }

  public String uploadedBy() {
    return uploadedBy;
  }

  public int clientDownloads() {
    return clientDownloads;
  }

  public boolean deleted() {
    return deletedAt != null;
  }

  void downloadedByClient() {
    clientDownloads++;
  }

  void delete(Instant now) {
    deletedAt = now;
  }
}
