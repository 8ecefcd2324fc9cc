package org.opengms.callback;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opengms.api.PublicUrls;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.security.Secured;
import org.opengms.security.User;
import org.opengms.security.UserSettings;
import org.opengms.service.ServiceCatalog;
import org.opengms.time.ServerClock;

/**
 * Callbacks in the Agent API (ours): an agent sees the QUEUED callbacks of the queues it serves
 * ({@code queues} of its {@code [user.*]} section; all queues when empty) and the ones it took.
 *
 * <pre>
 * curl -u agent1:agent1 http://localhost:8080/genesys/1/agent/callbacks              → [{...}]
 * curl -u agent1:agent1 -X POST http://localhost:8080/genesys/1/agent/callbacks/{id}/accept
 * curl -u agent1:agent1 -X POST 'http://localhost:8080/genesys/1/agent/callbacks/{id}/complete?reason=AGENT_CONNECTED'
 * </pre>
 *
 * Accept moves it to PROCESSING (ROUTING while the service waits for the customer's confirmation,
 * {@code _user_confirm = true}); complete ends it COMPLETED with {@code reason} (default {@code
 * AGENT_CONNECTED}). 403 another queue or another agent's callback, 400 wrong state.
 */
@Path("agent/callbacks")
@Secured("agent")
@Produces(MediaType.APPLICATION_JSON)
public class AgentCallbackResource {

  @EJB CallbackEngine engine;
  @EJB CallbackStore store;
  @Inject CallbackService callbacks;
  @Inject CallbackNotifier notifier;
  @Inject CallbackMetrics metrics;
  @Inject ConfigurationProvider configuration;
  @Inject ServerClock clock;
  @Context SecurityContext security;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @GET
  public List<Map<String, Object>> list() {
    User user = user();
    String base = PublicUrls.apiBase(uri, headers, configuration.current()).build().toString();
    List<Map<String, Object>> out = new ArrayList<>();
    store.ofAgent(user.login()).forEach(c -> out.add(CallbackViews.of(c, base)));
    store.queued(user.queues(), 500).forEach(c -> out.add(CallbackViews.of(c, base)));
    return out;
  }

  @POST
  @Path("{id}/accept")
  public Map<String, Object> accept(@PathParam("id") String id) {
    User user = user();
    GmsConfiguration config = configuration.current();
    Callback current =
        store
            .find(id)
            .orElseThrow(
                () ->
                    new org.opengms.api.error.ResourceNotFoundException(
                        "Callback " + id + " not found"));
    CallbackOptions options =
        config
            .get(ServiceCatalog.class)
            .find(current.getServiceName())
            .map(
                d ->
                    CallbackOptions.of(d, current.properties(), config.get(CallbackSettings.class)))
            .orElse(null);
    CallbackScenario scenario = options == null ? null : CallbackScenario.of(options);
    boolean confirm = scenario != null && scenario.confirm();
    Callback c = engine.accept(id, user.login(), user.queues(), confirm, clock.now());
    metrics.accepted(c);
    notifier.status(c, "_cbe_on_callback_status_updated");
    notifier.device(c, scenario == null ? "connect-outbound" : scenario.actionOnAccept());
    return CallbackViews.of(c, "");
  }

  @POST
  @Path("{id}/complete")
  public Map<String, Object> complete(
      @PathParam("id") String id,
      @QueryParam("reason") String queryReason,
      @Context HttpHeaders h) {
    return completeWith(id, queryReason);
  }

  @POST
  @Path("{id}/complete")
  @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> completeForm(
      @PathParam("id") String id, jakarta.ws.rs.core.MultivaluedMap<String, String> form) {
    return completeWith(id, form == null ? null : form.getFirst("reason"));
  }

  private Map<String, Object> completeWith(String id, String reason) {
    User user = user();
    Callback c =
        engine.complete(
            id,
            user.login(),
            reason == null || reason.isBlank() ? CallbackReason.AGENT_CONNECTED : reason.strip(),
            clock.now());
    callbacks.afterStateChange(c);
    return CallbackViews.of(c, "");
  }

  private User user() {
    return configuration.current().get(UserSettings.class).of(security);
  }
}
