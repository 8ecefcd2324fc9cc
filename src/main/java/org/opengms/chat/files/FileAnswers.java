package org.opengms.chat.files;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengms.api.error.GmsException;
import org.opengms.chat.ChatSession;
import org.opengms.chat.v2.ChatV2Answers;

/**
 * The Chat v2 answer and error bodies of the file operations (contract CHAT-V2.md, "Answer"):
 * {@code chatId}, {@code statusCode}, {@code chatEnded}, {@code nextPosition}, {@code messages}.
 */
final class FileAnswers {

  private FileAnswers() {}

  static Map<String, Object> answer(
      ChatSession chat,
      String alias,
      int nextPosition,
      List<Map<String, Object>> messages,
      Map<String, String> userData) {
    Map<String, Object> json = ChatV2Answers.answer(chat, alias, nextPosition, messages);
    if (userData != null) {
      json.put("userData", userData);
    }
    return json;
  }

  /** One event of the answer's {@code messages}. */
  static Map<String, Object> event(
      ChatSession chat, Party by, int index, String type, String text, Map<String, String> data) {
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("nickname", by.isCustomer() ? chat.getNickname() : by.agent().nickname());
    from.put("participantId", by.isCustomer() ? 1 : 2);
    from.put("type", by.isCustomer() ? "Client" : "Agent");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("from", from);
    json.put("index", index);
    json.put("type", type);
    json.put("utcTime", System.currentTimeMillis());
    json.put("text", text);
    json.put("userData", data);
    return json;
  }

  /** The v2 error: the status as elsewhere, {@code statusCode} 2 and one {@code errors} entry. */
  static Response error(String chatId, boolean ended, GmsException e) {
    return Response.status(e.status())
        .type(MediaType.APPLICATION_JSON)
        .entity(ChatV2Answers.error(chatId, ended, e.status().getStatusCode(), e.getMessage()))
        .build();
  }
}
