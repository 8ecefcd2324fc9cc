package org.opengms.chat.v2;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.opengms.api.FormParameters;
import org.opengms.api.error.GmsException;
import org.opengms.api.error.UnsupportedMediaTypeException;
import org.opengms.config.ConfigurationProvider;

/**
 * Chat API v2 over REST. Every request is a POST with a form (URL-encoded or multipart):
 *
 * <pre>
 * curl -d nickname=Buzz http://localhost:8080/genesys/2/chat/request-chat
 *   → {"chatId":"...","statusCode":0,"chatEnded":false,"alias":"1","userId":"...",
 *      "secureKey":"...","nextPosition":2,"messages":[{"from":{...},"index":1,
 *      "type":"ParticipantJoined","utcTime":...}]}
 * curl -d secureKey=... -d message=hello http://localhost:8080/genesys/2/chat/request-chat/{chatId}/send
 * </pre>
 *
 * Errors answer the v2 error body ({@code statusCode 2}, {@code errors[{code, advice}]}) with the
 * HTTP status: 400 bad, missing or unknown parameter, 403 wrong secureKey/userId/alias, 404 unknown
 * service, chat or operation, 413 too large, 415 another body. An ended chat answers 200 with
 * {@code chatEnded: true} and nothing changes. The file operations are another resource's.
 */
@Path("chat/{service}")
@Produces(MediaType.APPLICATION_JSON)
public class ChatV2Resource {

  @Inject ChatV2Chats chats;
  @Inject ConfigurationProvider configuration;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response requestChat(
      @PathParam("service") String service, MultivaluedMap<String, String> form) {
    return answer(null, () -> chats.requestChat(service, form(form)));
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response requestChat(@PathParam("service") String service, List<EntityPart> parts) {
    return answer(null, () -> chats.requestChat(service, parts(parts)));
  }

  @POST
  public Response requestChat(
      @PathParam("service") String service, @HeaderParam("Content-Type") String contentType) {
    return answer(null, () -> chats.requestChat(service, noBody(contentType)));
  }

  @POST
  @Path("{chatId}/{operation}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response operate(
      @PathParam("service") String service,
      @PathParam("chatId") String chatId,
      @PathParam("operation") String operation,
      MultivaluedMap<String, String> form) {
    return answer(chatId, () -> chats.operate(service, chatId, operation, form(form)));
  }

  @POST
  @Path("{chatId}/{operation}")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response operate(
      @PathParam("service") String service,
      @PathParam("chatId") String chatId,
      @PathParam("operation") String operation,
      List<EntityPart> parts) {
    return answer(chatId, () -> chats.operate(service, chatId, operation, parts(parts)));
  }

  @POST
  @Path("{chatId}/{operation}")
  public Response operate(
      @PathParam("service") String service,
      @PathParam("chatId") String chatId,
      @PathParam("operation") String operation,
      @HeaderParam("Content-Type") String contentType) {
    return answer(chatId, () -> chats.operate(service, chatId, operation, noBody(contentType)));
  }

  private Response answer(String chatId, Supplier<Map<String, Object>> operation) {
    try {
      return Response.ok(operation.get(), MediaType.APPLICATION_JSON_TYPE).build();
    } catch (GmsException e) {
      boolean ended = chatId != null && e.status().getStatusCode() != 404 && chats.isEnded(chatId);
      return Response.status(e.status())
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(ChatV2Answers.error(chatId, ended, e.status().getStatusCode(), e.getMessage()))
          .build();
    }
  }

  private Map<String, String> form(MultivaluedMap<String, String> form) {
    return FormParameters.of(form, configuration.current());
  }

  private Map<String, String> parts(List<EntityPart> parts) {
    return FormParameters.of(parts, configuration.current());
  }

  private static Map<String, String> noBody(String contentType) {
    if (contentType != null && !contentType.isBlank()) {
      throw new UnsupportedMediaTypeException(
          "Unsupported media type " + contentType + ": send a form");
    }
    return Map.of();
  }
}
