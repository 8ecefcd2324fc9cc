package org.opengms.chat.files;

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
import java.util.Optional;
import java.util.Set;
import org.opengms.api.error.PayloadTooLargeException;
import org.opengms.chat.ChatSession;
import org.opengms.chat.ChatState;

/** The {@code chat_file} table; each call is one short transaction. */
@Stateless
public class ChatFileStore {

  @PersistenceContext(unitName = "gms")
  EntityManager em;

  /** What a chat's uploads have used: files uploaded (deleted ones too), bytes, downloads. */
  public record Usage(int files, long bytes, int clientDownloads) {}

  public Usage usage(String chatId) {
    int files = 0;
    long bytes = 0;
    int downloads = 0;
    for (ChatFile f : of(chatId)) {
      files++;
      bytes += f.size();
      downloads += f.clientDownloads();
    }
    return new Usage(files, bytes, downloads);
  }

  public List<ChatFile> of(String chatId) {
    List<ChatFile> files =
        em.createNamedQuery(ChatFile.OF_CHAT, ChatFile.class)
            .setParameter("chatId", chatId)
            .getResultList();
    files.forEach(em::detach);
    return files;
  }

  /**
   * Records an uploaded file whose bytes are already on disk, unless the chat's uploads would then
   * be over {@code limits} (checked again here: another upload may have committed meanwhile).
   */
  public void insert(ChatFile file, ChatFileLimits limits) {
    // the chat's row lock serialises concurrent uploads to one chat: none passes a limit
    em.find(ChatSession.class, file.chatId(), LockModeType.PESSIMISTIC_WRITE);
    Usage used = usage(file.chatId());
    if (used.files() + 1 > limits.maxFiles()
        || used.bytes() + file.size() > limits.maxTotalSize()) {
      throw new PayloadTooLargeException("The chat's file upload limits are used up");
    }
    em.persist(file);
  }

  /** The file {@code fileId} of chat {@code chatId}, not deleted; empty otherwise. */
  public Optional<ChatFile> find(String chatId, String fileId) {
    ChatFile file = em.find(ChatFile.class, fileId);
    if (file == null || !file.chatId().equals(chatId) || file.deleted()) {
      return Optional.empty();
    }
    em.detach(file);
    return Optional.of(file);
  }

  /**
   * Counts one download by the customer, unless the chat's customer downloads reached {@code max}.
   *
   * @return whether the download may go ahead
   */
  public boolean countClientDownload(String chatId, String fileId, int max) {
    // the first file row of the chat serialises concurrent downloads of the chat's files
    List<ChatFile> files = of(chatId);
    if (files.isEmpty()) {
      return false;
    }
    em.find(ChatFile.class, files.get(0).id(), LockModeType.PESSIMISTIC_WRITE);
    if (usage(chatId).clientDownloads() >= max) {
      return false;
    }
    ChatFile file = em.find(ChatFile.class, fileId);
    file.downloadedByClient();
    return true;
  }

  /** Marks a file deleted; its blob is then the caller's to delete, after this commits. */
  public Optional<String> delete(String chatId, String fileId) {
    ChatFile file = em.find(ChatFile.class, fileId, LockModeType.PESSIMISTIC_WRITE);
    if (file == null || !file.chatId().equals(chatId) || file.deleted()) {
      return Optional.empty();
    }
    file.delete(Instant.now());
    return Optional.of(file.blobId());
  }

  /** Which of {@code blobIds} a file not deleted refers to (the orphan sweep keeps those). */
  public Set<String> referencedBlobs(Collection<String> blobIds) {
    if (blobIds.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        em.createNamedQuery(ChatFile.REFERENCED, String.class)
            .setParameter("ids", blobIds)
            .getResultList());
  }

  /**
   * Marks deleted up to {@code max} files of chats of {@code service} ended before {@code cutoff}
   * ({@code service} null: of chats of services not in {@code configured}), in a transaction of its
   * own; returns their blobs, to delete once this committed.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<String> expire(String service, Set<String> configured, Instant cutoff, int max) {
    var query =
        service != null
            ? em.createNamedQuery(ChatFile.PAST_RETENTION, ChatFile.class)
                .setParameter("service", service)
            : em.createNamedQuery(ChatFile.PAST_RETENTION_OTHERS, ChatFile.class)
                .setParameter("configured", withSentinel(configured));
    List<String> blobs = new ArrayList<>();
    Instant now = Instant.now();
    for (ChatFile f :
        query
            .setParameter("finished", ChatState.FINISHED)
            .setParameter("cutoff", cutoff)
            .setMaxResults(max)
            .getResultList()) {
      f.delete(now);
      blobs.add(f.blobId());
    }
    return blobs;
  }

  /** {@code not in ()} is not valid SQL: a name no service has keeps the list non-empty. */
  private static List<String> withSentinel(Set<String> names) {
    List<String> list = new ArrayList<>(names);
    list.add("");
    return list;
  }
}
