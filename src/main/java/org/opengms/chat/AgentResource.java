package org.opengms.chat;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import org.opengms.api.FormParameters;
import org.opengms.api.error.UnsupportedMediaTypeException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.security.Secured;
import org.opengms.security.User;
import org.opengms.security.UserSettings;

/**
 * The Agent API (ours): presence and the agent's own chats, HTTP Basic with role {@code agent}.
 *
 * <pre>
 * curl -u agent1:agent1 -X POST http://localhost:8080/genesys/1/agent/ready   → {"login":...,"ready":true,...}
 * curl -u agent1:agent1 http://localhost:8080/genesys/1/agent/chats           → [{"chatSessionId":...}]
 * curl -u agent1:agent1 -d message=Hi http://localhost:8080/genesys/1/agent/chats/{chatId}/send
 * </pre>
 *
 * Errors: 401 no or wrong credentials, 403 not an agent or another agent's chat, 404 unknown chat,
 * 400 finished chat or missing parameter, 413 message too long.
 */
@Path("agent")
@Secured("agent")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

  @Inject AgentChats chats;
  @Inject ConfigurationProvider configuration;
  @Context SecurityContext security;

  @GET
  @Path("me")
  public Map<String, Object> me() {
    return chats.me(user());
  }

  @POST
  @Path("ready")
  public Map<String, Object> ready() {
    User user = user();
    chats.ready(user, true);
    return chats.me(user);
  }

  @POST
  @Path("not-ready")
  public Map<String, Object> notReady() {
    User user = user();
    chats.ready(user, false);
    return chats.me(user);
  }

  @GET
  @Path("chats")
  public List<Map<String, Object>> chats() {
    return chats.chats(user());
  }

  @GET
  @Path("chats/{chatId}")
  public Map<String, Object> transcript(
      @PathParam("chatId") String chatId,
      @QueryParam("transcriptPosition") String transcriptPosition) {
    return chats.transcript(user(), chatId, transcriptPosition);
  }

  @POST
  @Path("chats/{chatId}/{request}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> request(
      @PathParam("chatId") String chatId,
      @PathParam("request") String request,
      MultivaluedMap<String, String> form) {
    return chats.act(user(), chatId, request, FormParameters.of(form, configuration.current()));
  }

  /** A chat request without a body ({@code startTyping}, {@code leave}, ...). */
  @POST
  @Path("chats/{chatId}/{request}")
  public Map<String, Object> request(
      @PathParam("chatId") String chatId,
      @PathParam("request") String request,
      @HeaderParam("Content-Type") String contentType) {
    if (contentType != null && !contentType.isBlank()) {
      throw new UnsupportedMediaTypeException(
          "Unsupported media type " + contentType + ": send a form or no body");
    }
    return chats.act(user(), chatId, request, Map.of());
  }

  private User user() {
    return configuration.current().get(UserSettings.class).of(security);
  }
}
