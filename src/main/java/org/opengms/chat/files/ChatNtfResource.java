package org.opengms.chat.files;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.opengms.api.FormParameters;
import org.opengms.config.ConfigurationProvider;

/**
 * {@code POST /2/chat-ntf}: the file operations of chats driven over CometD, by HTTP. The chat is
 * named by its {@code secureKey} (and {@code chatId} when sent); {@code operation} is {@code
 * fileGetLimits} (or {@code fileGetsLimits}), {@code fileUpload} (part {@code file}), {@code
 * fileDownload} or {@code fileDelete} ({@code fileId}). Answers as the REST file operations.
 */
@Path("chat-ntf")
public class ChatNtfResource {

  @Inject CustomerFileOperations operations;
  @Inject ConfigurationProvider configuration;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response form(MultivaluedMap<String, String> form) {
    Map<String, String> p = FormParameters.of(form, configuration.current());
    return operations.run(null, p.get("chatId"), p, chat -> operations.operation(chat, p, null));
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response multipart(List<EntityPart> parts) {
    Map<String, String> p = FormParameters.of(parts, configuration.current());
    return operations.run(null, p.get("chatId"), p, chat -> operations.operation(chat, p, parts));
  }

  @POST
  public Response otherBody(@HeaderParam("Content-Type") String type) {
    return FileBodies.refused(null, type);
  }
}
