package org.opengms.chat;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengms.api.FormParameters;
import org.opengms.api.PublicUrls;
import org.opengms.api.error.UnsupportedMediaTypeException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.service.ServiceBehavior;

/**
 * The GMS Chat API: one chat per service.
 *
 * <pre>
 * curl -d subject=Help -d firstName=Buzz http://localhost:8080/genesys/1/service/{id}/ixn/chat
 *   → {"chatIxnState":"CONNECTED","chatSessionId":"...","transcriptPosition":"1",...}
 * curl -d message=hello http://localhost:8080/genesys/1/service/{id}/ixn/chat/refresh
 *   → {"chatIxnState":"TRANSCRIPT",...,"transcriptToShow":[["Message.Text","Buzz","hello","3","CLIENT"]]}
 * </pre>
 *
 * Parameters come from the query string and the form (URL-encoded or multipart; the form wins).
 * Errors: 400 no subject, no chat started yet, finished chat, bad transcriptPosition; 404 unknown,
 * ended or expired service; 413 message over {@code [chat] max_message_bytes}; 415 other bodies.
 */
@Path("service/{id}/ixn/chat")
@Produces(MediaType.APPLICATION_JSON)
public class ChatResource {

  @Inject ChatEngine chats;
  @Inject ConfigurationProvider configuration;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> start(
      @PathParam("id") String id,
      @HeaderParam("gms_user") String gmsUser,
      MultivaluedMap<String, String> form) {
    GmsConfiguration config = configuration.current();
    return start(id, gmsUser, params(FormParameters.of(form, config)), config);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Map<String, Object> start(
      @PathParam("id") String id, @HeaderParam("gms_user") String gmsUser, List<EntityPart> parts) {
    GmsConfiguration config = configuration.current();
    return start(id, gmsUser, params(FormParameters.of(parts, config)), config);
  }

  @POST
  public Map<String, Object> start(
      @PathParam("id") String id,
      @HeaderParam("gms_user") String gmsUser,
      @HeaderParam("Content-Type") String contentType) {
    requireNoBody(contentType);
    return start(id, gmsUser, params(Map.of()), configuration.current());
  }

  @POST
  @Path("{request}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> request(
      @PathParam("id") String id,
      @PathParam("request") String request,
      MultivaluedMap<String, String> form) {
    GmsConfiguration config = configuration.current();
    return request(id, request, params(FormParameters.of(form, config)), config);
  }

  @POST
  @Path("{request}")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Map<String, Object> request(
      @PathParam("id") String id, @PathParam("request") String request, List<EntityPart> parts) {
    GmsConfiguration config = configuration.current();
    return request(id, request, params(FormParameters.of(parts, config)), config);
  }

  @POST
  @Path("{request}")
  public Map<String, Object> request(
      @PathParam("id") String id,
      @PathParam("request") String request,
      @HeaderParam("Content-Type") String contentType) {
    requireNoBody(contentType);
    return request(id, request, params(Map.of()), configuration.current());
  }

  private Map<String, Object> start(
      String id, String gmsUser, Map<String, String> params, GmsConfiguration config) {
    return answer(chats.start(id, params, gmsUser), params, config);
  }

  private Map<String, Object> request(
      String id, String request, Map<String, String> params, GmsConfiguration config) {
    ChatView.Snapshot snapshot =
        switch (request) {
          case "refresh" -> chats.refresh(id, params);
          case "disconnect" -> chats.disconnect(id);
          default -> chats.act(id, request, params);
        };
    return answer(snapshot, params, config);
  }

  private Map<String, Object> answer(
      ChatView.Snapshot snapshot, Map<String, String> params, GmsConfiguration config) {
    return ChatView.customer(
        snapshot,
        ServiceBehavior.verbose(params),
        PublicUrls.apiBase(uri, headers, config).build());
  }

  /** Query parameters, overridden by the form's. */
  private Map<String, String> params(Map<String, String> form) {
    Map<String, String> params = new LinkedHashMap<>();
    uri.getQueryParameters().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
    params.putAll(form);
    return params;
  }

  private static void requireNoBody(String contentType) {
    if (contentType != null && !contentType.isBlank()) {
      throw new UnsupportedMediaTypeException(
          "Unsupported media type " + contentType + ": send a form or no body");
    }
  }
}
