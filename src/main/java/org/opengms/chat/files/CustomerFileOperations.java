package org.opengms.chat.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opengms.api.error.AccessDeniedException;
import org.opengms.api.error.GmsException;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.chat.ChatSession;
import org.opengms.chat.OpenChats;
import org.opengms.chat.v2.ChatV2Chats;
import org.opengms.config.ConfigurationProvider;

/**
 * The customer's file operations, as Chat v2 answers them, over REST ({@code
 * /2/chat/{service}/{chatId}/file...}) and over {@code /2/chat-ntf}: the same checks, the same
 * answers. On an ended chat, upload and delete change nothing and answer {@code chatEnded: true};
 * its files can still be downloaded until their retention ends.
 */
@ApplicationScoped
public class CustomerFileOperations {

  static final String LIMITS_NOTICE = "file-client-cfg-get";
  private static final int MAX_DESCRIPTION = 1024;

  /** v2 numbers the customer's own ParticipantJoined 1: engine position n is v2 index n + 1. */
  private static final int V2_SHIFT = 1;

  @Inject ChatFiles files;
  @Inject ChatFileAccess access;
  @Inject ConfigurationProvider configuration;
  @Inject OpenChats chats;

  /** The chat named by {@code chatId} (or, when absent, by the secureKey alone) with its checks. */
  public ChatSession chat(String service, String chatId, Map<String, String> p) {
    String secureKey = p.get("secureKey");
    String id = chatId;
    if (id == null || id.isBlank()) {
      if (secureKey == null || secureKey.isBlank()) {
        throw new InvalidRequestException("secureKey is mandatory");
      }
      id =
          chats
              .chatIdBySecureKey(secureKey.strip())
              .orElseThrow(() -> new AccessDeniedException("Wrong secureKey"));
    }
    ChatSession chat = access.customer(service, id, secureKey);
    if (mismatch(p.get("userId"), chat.getUserId()) || mismatch(p.get("alias"), alias())) {
      throw new AccessDeniedException("userId or alias does not match the chat");
    }
    return chat;
  }

  /** Runs {@code operation} on the chat; a refusal becomes the v2 error body. */
  public Response run(
      String service, String chatId, Map<String, String> p, Function<ChatSession, Response> op) {
    ChatSession chat = null;
    try {
      chat = chat(service, chatId, p);
      return op.apply(chat);
    } catch (GmsException e) {
      String id = chat != null ? chat.getId() : chatId;
      return FileAnswers.error(id, chat != null && ChatFiles.ended(chat), e);
    }
  }

  public Response limits(ChatSession chat) {
    // an answer, not a transcript event: index 0 keeps the chat's numbering without gaps
    Map<String, Object> notice =
        FileAnswers.event(chat, Party.CUSTOMER, 0, "Notice", LIMITS_NOTICE, files.limitsData(chat));
    return ok(chat, v2Next(chat), List.of(notice), null);
  }

  public Response upload(ChatSession chat, Map<String, String> p, List<EntityPart> parts) {
    if (ChatFiles.ended(chat)) {
      return ok(chat, v2Next(chat), List.of(), null);
    }
    FilePart file = FilePart.of(parts);
    String description = p.getOrDefault("userData[file-description]", "");
    if (description.length() > MAX_DESCRIPTION) {
      throw new InvalidRequestException(
          "userData[file-description] is longer than " + MAX_DESCRIPTION + " characters");
    }
    ChatFiles.Uploaded up =
        files.upload(
            chat, Party.CUSTOMER, file.fileName(), file.contentType(), file.content(), description);
    List<Map<String, Object>> messages =
        up.position() == 0
            ? List.of()
            : List.of(
                FileAnswers.event(
                    chat,
                    Party.CUSTOMER,
                    up.position() + V2_SHIFT,
                    "FileUploaded",
                    file.fileName(),
                    ChatFiles.eventData(up.file())));
    return ok(chat, next(chat, up.position()), messages, Map.of("file-id", up.file().id()));
  }

  public Response download(ChatSession chat, String fileId) {
    return files.download(chat, Party.CUSTOMER, required(fileId));
  }

  public Response delete(ChatSession chat, String fileId) {
    required(fileId);
    if (ChatFiles.ended(chat)) {
      return ok(chat, v2Next(chat), List.of(), null);
    }
    int position = files.delete(chat, Party.CUSTOMER, fileId);
    List<Map<String, Object>> messages =
        position == 0
            ? List.of()
            : List.of(
                FileAnswers.event(
                    chat,
                    Party.CUSTOMER,
                    position + V2_SHIFT,
                    "FileDeleted",
                    "",
                    Map.of("file-id", fileId.strip())));
    return ok(chat, next(chat, position), messages, null);
  }

  /** After the event at {@code position} (0: none was added). */
  private int next(ChatSession chat, int position) {
    return position > 0 ? position + V2_SHIFT + 1 : v2Next(chat);
  }

  /** The v2 index of the chat's next event. */
  private int v2Next(ChatSession chat) {
    return chats.nextPosition(chat.getId()) + V2_SHIFT;
  }

  /** The {@code chat-ntf} operations by name. */
  public Response operation(ChatSession chat, Map<String, String> p, List<EntityPart> parts) {
    String op = p.get("operation");
    if (op == null || op.isBlank()) {
      throw new InvalidRequestException("operation is mandatory");
    }
    return switch (op.strip()) {
      case "fileGetLimits", "fileGetsLimits" -> limits(chat);
      case "fileUpload" -> upload(chat, p, parts);
      case "fileDownload" -> download(chat, p.get("fileId"));
      case "fileDelete" -> delete(chat, p.get("fileId"));
      default -> throw new InvalidRequestException("Unknown operation " + op);
    };
  }

  private static String required(String fileId) {
    if (fileId == null || fileId.isBlank()) {
      throw new InvalidRequestException("fileId is mandatory");
    }
    return fileId.strip();
  }

  private static boolean mismatch(String sent, String actual) {
    return sent != null && !sent.isBlank() && !sent.strip().equals(actual);
  }

  private String alias() {
    return ChatV2Chats.alias(configuration.current());
  }

  private Response ok(
      ChatSession chat, int next, List<Map<String, Object>> messages, Map<String, String> data) {
    return Response.ok(FileAnswers.answer(chat, alias(), next, messages, data))
        .type("application/json")
        .build();
  }
}
