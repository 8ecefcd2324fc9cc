package org.opengms.chat.files;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opengms.api.SafeDownloads;
import org.opengms.api.error.AccessDeniedException;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.PayloadTooLargeException;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.chat.ChatSession;
import org.opengms.chat.ChatState;
import org.opengms.chat.OpenChats;
import org.opengms.chat.TranscriptEvent;
import org.opengms.chat.Transcripts;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.persistence.files.BlobStore;
import org.opengms.persistence.files.StagedBlob;
import org.opengms.service.ServiceCatalog;

/**
 * A chat's files: limits, upload, download and delete, for the chat's customer or its agent. Every
 * limit is checked before a byte is kept: the count, type and agent rule before the upload is read,
 * the sizes while it streams to disk (an oversize file is deleted at once); the row commits only
 * after the file is on disk, and a deleted file's bytes go only after its row committed.
 */
@ApplicationScoped
public class ChatFiles {

  @Inject OpenChats chats;
  @Inject Transcripts transcripts;
  @EJB ChatFileStore store;
  @Inject BlobStore blobs;
  @Inject ConfigurationProvider configuration;

  /** What an upload gave: the new file and the position of its {@code FileUploaded} event. */
  public record Uploaded(ChatFile file, int position) {}

  public ChatFileLimits limits(ChatSession chat) {
    GmsConfiguration config = configuration.current();
    return config
        .get(ChatFileSettings.class)
        .limits(config.get(ServiceCatalog.class).find(chat.getServiceName()));
  }

  /** The {@code file-client-cfg-get} notice's {@code userData}, every value a string. */
  public Map<String, String> limitsData(ChatSession chat) {
    ChatFileLimits limits = limits(chat);
    ChatFileStore.Usage used = store.usage(chat.getId());
    Map<String, String> data = new LinkedHashMap<>();
    data.put("download-attempts", Integer.toString(limits.downloadAttempts()));
    data.put("upload-max-files", Integer.toString(limits.maxFiles()));
    data.put("upload-max-file-size", Long.toString(limits.maxFileSize()));
    data.put("upload-max-total-size", Long.toString(limits.maxTotalSize()));
    data.put("upload-need-agent", Boolean.toString(limits.needAgent()));
    data.put("upload-file-types", String.join(":", limits.types()));
    data.put("used-upload-max-files", Integer.toString(used.files()));
    data.put("used-upload-max-total-size", Long.toString(used.bytes()));
    data.put("used-download-attempts", Integer.toString(used.clientDownloads()));
    data.put("delete-file", limits.deleteEnabled() ? "enabled" : "disabled");
    return data;
  }

  /**
   * Checks an upload of {@code fileName} before its bytes are read: 400 type not allowed, 403 no
   * agent yet (when {@code upload-need-agent}), 413 no file left in the chat's count.
   */
  public void admit(ChatSession chat, Party by, String fileName) {
    ChatFileLimits limits = limits(chat);
    if (by.isCustomer() && limits.needAgent() && chat.getAgentLogin() == null) {
      throw new AccessDeniedException("Files can be uploaded once an agent joined the chat");
    }
    if (!limits.allows(fileName)) {
      throw new InvalidRequestException(
          "File type not allowed: "
              + fileName
              + " (allowed: "
              + String.join(":", limits.types())
              + ")");
    }
    if (store.usage(chat.getId()).files() >= limits.maxFiles()) {
      throw new PayloadTooLargeException(
          "The chat already has its " + limits.maxFiles() + " files (upload-max-files)");
    }
  }

  /**
   * Stores an upload already {@link #admit admitted} and adds its {@code FileUploaded} event; 413
   * when it is larger than the file or the chat's remaining total allows (nothing kept then).
   */
  public Uploaded upload(
      ChatSession chat,
      Party by,
      String fileName,
      String contentType,
      InputStream content,
      String description) {
    admit(chat, by, fileName);
    ChatFileLimits limits = limits(chat);
    long room = limits.maxTotalSize() - store.usage(chat.getId()).bytes();
    if (room <= 0) {
      throw new PayloadTooLargeException("The chat's upload-max-total-size is used up");
    }
    StagedBlob blob = blobs.write(content, Math.min(limits.maxFileSize(), room));
    ChatFile file =
        new ChatFile(
            UUID.randomUUID().toString(),
            chat.getId(),
            blob.id(),
            new ChatFile.Upload(fileName, contentType, blob.size(), description, by),
            Instant.now());
    try {
      store.insert(file, limits);
    } catch (RuntimeException e) {
      blobs.delete(blob.id());
      throw e;
    }
    int position =
        transcripts.appendToOpen(
            chat.getId(), by.agent(), TranscriptEvent.FILE_UPLOADED, fileName, eventData(file));
    return new Uploaded(file, position);
  }

  /**
   * Streams file {@code fileId} of the chat: 404 not one of its files (another chat's id too), 403
   * the customer's download attempts are used up.
   */
  public Response download(ChatSession chat, Party by, String fileId) {
    ChatFile file = file(chat, fileId);
    if (by.isCustomer()
        && !store.countClientDownload(chat.getId(), fileId, limits(chat).downloadAttempts())) {
      throw new AccessDeniedException("The chat's download-attempts are used up");
    }
    StreamingOutput body =
        out -> {
          try (InputStream in = blobs.open(file.blobId())) {
            in.transferTo(out);
          }
        };
    // the stored type is a parsed type/subtype (FilePart), so it is always a valid header
    return SafeDownloads.of(
            Response.ok(body, file.contentType()), file.contentType(), file.fileName())
        .header("Content-Length", file.size())
        .build();
  }

  /**
   * Deletes file {@code fileId} and adds a {@code FileDeleted} event: 403 deletion disabled, 404
   * not one of the chat's files.
   *
   * @return the position of the event (0: the chat had ended meanwhile)
   */
  public int delete(ChatSession chat, Party by, String fileId) {
    if (!limits(chat).deleteEnabled()) {
      throw new AccessDeniedException("Deleting files is disabled (delete-file)");
    }
    ChatFile file = file(chat, fileId);
    Optional<String> blob = store.delete(chat.getId(), fileId);
    if (blob.isEmpty()) {
      throw new ResourceNotFoundException("File " + fileId + " not found in this chat");
    }
    blobs.delete(blob.get());
    Map<String, String> data = new LinkedHashMap<>();
    data.put("file-id", file.id());
    data.put("file-name", file.fileName());
    return transcripts.appendToOpen(
        chat.getId(), by.agent(), TranscriptEvent.FILE_DELETED, file.fileName(), data);
  }

  /** Whether the chat has ended (its files can still be downloaded, not changed). */
  public static boolean ended(ChatSession chat) {
    return chat.getState() == ChatState.FINISHED;
  }

  private ChatFile file(ChatSession chat, String fileId) {
    if (fileId == null || fileId.isBlank()) {
      throw new InvalidRequestException("fileId is mandatory");
    }
    return store
        .find(chat.getId(), fileId.strip())
        .orElseThrow(
            () -> new ResourceNotFoundException("File " + fileId + " not found in this chat"));
  }

  static Map<String, String> eventData(ChatFile file) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("file-id", file.id());
    data.put("file-name", file.fileName());
    data.put("file-size", Long.toString(file.size()));
    data.put("file-type", file.contentType());
    data.put("file-description", file.description());
    return data;
  }
}
