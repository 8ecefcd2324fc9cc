package org.opengms.callback;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opengms.api.PublicUrls;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.service.ServiceCatalog;
import org.opengms.service.ServiceRequests;
import org.opengms.time.ServerClock;

/**
 * The requests a callback's device sends to {@code /1/service/<callback id>/<action>} after a push
 * ({@code get-dialog-*}, {@code connect-inbound}, {@code connect-outbound}, {@code wait-for-agent})
 * and the customer's choices ({@code connect}, {@code snooze}, {@code cancel}); and {@code GET
 * /1/service/<id>/check-queue-position}. An id that is not a callback goes to the Service API as
 * any other service request.
 *
 * <pre>
 * curl -X POST http://localhost:8080/genesys/1/service/{id}/wait-for-agent
 *   → {"_dialog_id":"0","_action":"ConfirmationDialog","_text":"We will notify you when agent is available",...}
 * curl http://localhost:8080/genesys/1/service/{id}/check-queue-position
 *   → {"_position":1,"_eta":0,"_total_waiting":3,"ewt":0}
 * </pre>
 */
@Path(
    "service/{id}/{request: get-dialog-[A-Za-z_\\-]+|connect-inbound|connect-outbound"
        + "|wait-for-agent|connect|snooze|cancel|not-used}")
@Produces(MediaType.APPLICATION_JSON)
public class CallbackDialogResource {

  @EJB CallbackStore store;
  @EJB CallbackEngine engine;
  @Inject CallbackService callbacks;
  @Inject ServiceRequests serviceRequests;
  @Inject ConfigurationProvider configuration;
  @Inject ServerClock clock;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  /** Apps also fetch dialogs and menu items' {@code _user_action_url} with a plain GET. */
  @GET
  public Map<String, Object> fetch(
      @PathParam("id") String id,
      @PathParam("request") String request,
      @HeaderParam("gms_user") String gmsUser) {
    return request(id, request, gmsUser);
  }

  @POST
  public Map<String, Object> request(
      @PathParam("id") String id,
      @PathParam("request") String request,
      @HeaderParam("gms_user") String gmsUser) {
    Optional<Callback> found = store.find(id);
    if (found.isEmpty()) {
      return serviceRequests.request(id, request, Map.of());
    }
    Callback c = found.get();
    GmsConfiguration config = configuration.current();
    String base =
        CallbackStartDialogs.dialogBase(
            PublicUrls.apiBase(uri, headers, config).build().toString());
    CallbackOptions options =
        config
            .get(ServiceCatalog.class)
            .find(c.getServiceName())
            .map(d -> CallbackOptions.of(d, c.properties(), config.get(CallbackSettings.class)))
            .orElse(null);
    Instant now = clock.now();
    return switch (request) {
      case "get-dialog-user-confirmation-provide_code-true" ->
          CallbackDialogs.userConfirmation(base, id, true, now.plusSeconds(300));
      case "get-dialog-user-confirmation-provide_code-false" ->
          CallbackDialogs.userConfirmation(base, id, false, now.plusSeconds(300));
      // the menu's own _resource_url and _user_action_url: the menu again, as the service shows it
      case "get-dialog-user-confirmation", "not-used" ->
          CallbackDialogs.userConfirmation(
              base,
              id,
              options != null && CallbackScenario.of(options).provideCode(),
              now.plusSeconds(300));
      case "get-dialog-start-chat" ->
          CallbackDialogs.startChat(
              base,
              id,
              gmsUser != null
                  ? gmsUser
                  : c.properties()
                      .getOrDefault("_gms_user", c.properties().get("_device_notification_id")));
      case "connect-inbound" ->
          CallbackDialogs.connectInbound(
              id,
              options == null ? null : options.get("_access_number").orElse(null),
              options == null ? null : options.get("_access_code").orElse(null));
      case "connect-outbound" -> CallbackDialogs.connectOutbound(id);
      case "wait-for-agent" -> CallbackDialogs.waitForAgent(id);
      case "connect" -> {
        engine.confirmed(id, now).ifPresent(callbacks::afterStateChange);
        yield CallbackDialogs.connectOutbound(id);
      }
      case "snooze" -> {
        long seconds = options == null ? 300 : options.number("_snooze_duration", 300);
        Instant at = now.plus(Duration.ofSeconds(Math.max(1, seconds)));
        engine.snooze(id, at, now).ifPresent(callbacks::afterStateChange);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("_id", id);
        answer.put("_desired_time", CallbackViews.time(at));
        yield answer;
      }
      case "cancel" -> {
        callbacks.cancel(c.getServiceName(), id);
        yield Map.of();
      }
      default -> serviceRequests.request(id, request, Map.of());
    };
  }
}
