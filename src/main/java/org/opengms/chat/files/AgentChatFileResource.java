package org.opengms.chat.files;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengms.api.FormBodies;
import org.opengms.api.FormParameters;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.chat.ChatSession;
import org.opengms.config.ConfigurationProvider;
import org.opengms.security.Secured;
import org.opengms.security.User;
import org.opengms.security.UserSettings;

/**
 * The Agent API's chat files (ours), HTTP Basic with role {@code agent}, for chats the agent has
 * (or had: their files can still be downloaded).
 *
 * <pre>
 * curl -u agent1:agent1 -F file=@pic.png -F description=Photo .../1/agent/chats/{chatId}/file
 *   → {"fileId":"...","position":"7","file":{"file-id":...}}
 * curl -u agent1:agent1 .../1/agent/chats/{chatId}/file                       → [{"file-id":...}]
 * curl -u agent1:agent1 .../1/agent/chats/{chatId}/file/limits                → {"upload-max-files":...}
 * curl -u agent1:agent1 .../1/agent/chats/{chatId}/file/{fileId}/download     → the bytes
 * curl -u agent1:agent1 -X POST .../1/agent/chats/{chatId}/file/{fileId}/delete
 * </pre>
 *
 * Errors: 400 no file, a type not allowed or a finished chat, 403 another agent's chat or deletion
 * disabled, 404 unknown chat or not one of its files, 413 over a size or count limit.
 */
@Path("agent/chats/{chatId}/file")
@Secured("agent")
@Produces(MediaType.APPLICATION_JSON)
public class AgentChatFileResource {

  @Inject ChatFiles files;
  @Inject ChatFileAccess access;
  @Inject ChatFileStore store;
  @Inject ConfigurationProvider configuration;
  @Context SecurityContext security;

  @GET
  public List<Map<String, String>> list(@PathParam("chatId") String chatId) {
    ChatSession chat = access.agent(chatId, user());
    return store.of(chat.getId()).stream()
        .filter(f -> !f.deleted())
        .map(ChatFiles::eventData)
        .toList();
  }

  @GET
  @Path("limits")
  public Map<String, String> limits(@PathParam("chatId") String chatId) {
    return files.limitsData(access.agent(chatId, user()));
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Map<String, Object> upload(@PathParam("chatId") String chatId, List<EntityPart> parts) {
    User user = user();
    ChatSession chat = open(access.agent(chatId, user));
    Map<String, String> fields =
        FormParameters.of(FormBodies.required(parts), configuration.current());
    FilePart file = FilePart.of(parts);
    ChatFiles.Uploaded uploaded =
        files.upload(
            chat,
            Party.agent(user),
            file.fileName(),
            file.contentType(),
            file.content(),
            fields.getOrDefault("description", fields.get("userData[file-description]")));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("fileId", uploaded.file().id());
    json.put("position", Integer.toString(uploaded.position()));
    json.put("file", ChatFiles.eventData(uploaded.file()));
    return json;
  }

  @GET
  @Path("{fileId}/download")
  public Response download(@PathParam("chatId") String chatId, @PathParam("fileId") String id) {
    User user = user();
    return files.download(access.agent(chatId, user), Party.agent(user), id);
  }

  @POST
  @Path("{fileId}/download")
  public Response downloadByPost(
      @PathParam("chatId") String chatId, @PathParam("fileId") String id) {
    return download(chatId, id);
  }

  @POST
  @Path("{fileId}/delete")
  public Map<String, Object> delete(
      @PathParam("chatId") String chatId, @PathParam("fileId") String fileId) {
    User user = user();
    ChatSession chat = open(access.agent(chatId, user));
    int position = files.delete(chat, Party.agent(user), fileId);
    return Map.of("fileId", fileId, "position", Integer.toString(position));
  }

  private static ChatSession open(ChatSession chat) {
    if (ChatFiles.ended(chat)) {
      throw new InvalidRequestException("Chat " + chat.getId() + " is finished");
    }
    return chat;
  }

  private User user() {
    return configuration.current().get(UserSettings.class).of(security);
  }
}
