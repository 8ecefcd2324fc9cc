package org.opengms.callback;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengms.api.JsonInput;
import org.opengms.api.PublicUrls;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.security.Secured;
import org.opengms.service.ServiceCatalog;
import org.opengms.time.ServerClock;

/**
 * Callback administration (role {@code admin}).
 *
 * <pre>
 * curl -u admin:admin 'http://localhost:8080/genesys/1/admin/callback/queues?target=callback-demo'
 *   → {"callback-demo":[{...},...]}
 * curl -u admin:admin -H 'Content-Type: application/json' \
 *      -d '{"reason":"CANCELLED_BY_ADMIN","ids":["..."]}' http://localhost:8080/genesys/1/admin/callback/cancel
 * curl -u admin:admin 'http://localhost:8080/genesys/1/admin/callback/watermarks?service_name=callback-demo'
 *   → {"services":{"callback-demo":2},"total":2}
 * curl -u admin:admin -H 'Content-Type: application/json' \
 *      -d '{"callback_reason":"CANCELLED","exported_properties":["_customer_number"]}' \
 *      http://localhost:8080/genesys/1/admin/callback/reportcancelled          → text/csv
 * </pre>
 */
@Path("admin/callback")
@Secured("admin")
@Produces(MediaType.APPLICATION_JSON)
public class CallbackAdminResource {

  @EJB CallbackStore store;
  @EJB CallbackEngine engine;
  @Inject CallbackService callbacks;
  @Inject CallbackExecution execution;
  @Inject ConfigurationProvider configuration;
  @Inject ServerClock clock;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  /** Outstanding callbacks per service in a desired-time window. */
  @GET
  @Path("queues")
  public Map<String, List<Map<String, Object>>> queues() {
    GmsConfiguration config = configuration.current();
    Map<String, String> q = CallbackResource.first(uri.getQueryParameters());
    Instant now = clock.now();
    Instant from =
        q.containsKey("start_time")
            ? CallbackViews.parseTime("start_time", q.get("start_time"))
            : now.minus(Duration.ofMinutes(15));
    Instant to =
        q.containsKey("end_time")
            ? CallbackViews.parseTime("end_time", q.get("end_time"))
            : now.plus(Duration.ofHours(24));
    int max = 500;
    if (q.containsKey("max")) {
      CallbackOptions.requireNumber("max", q.get("max"));
      max = (int) Math.max(1, Math.min(10_000, Long.parseLong(q.get("max"))));
    }
    Set<CallbackState> states = states(q.getOrDefault("states", "QUEUED,SCHEDULED"), "states");
    // the state is a filter key too (_callback_state=QUEUED), narrowing states
    String stateFilter = q.get("_callback_state");
    if (stateFilter != null && !stateFilter.isBlank()) {
      states = states(stateFilter, "_callback_state");
    }
    Map<String, String> filters = new LinkedHashMap<>();
    for (String key : config.get(CallbackSettings.class).filterKeys()) {
      if (q.containsKey(key) && !key.equals("_callback_state")) {
        filters.put(key, q.get(key));
      }
    }
    List<String> targets = new ArrayList<>();
    if (q.containsKey("target")) {
      targets.add(q.get("target"));
    } else {
      config.get(ServiceCatalog.class).services().values().stream()
          .filter(d -> org.opengms.service.BuiltinService.CALLBACK.equals(d.service()))
          .forEach(d -> targets.add(d.name()));
    }
    String base = PublicUrls.apiBase(uri, headers, config).build().toString();
    Map<String, List<Map<String, Object>>> answer = new LinkedHashMap<>();
    for (String target : targets) {
      List<Map<String, Object>> entries = new ArrayList<>();
      for (Callback c :
          store.search(
              new CallbackQuery(target, null, false, states, from, to, filters, false), max)) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("_id", c.getId());
        entry.put("_callback_state", c.getState().name());
        entry.put("_desired_time", CallbackViews.time(c.getDesiredTime()));
        entry.put("_customer_number", c.getCustomerNumber());
        entry.put("_urs_virtual_queue", c.getQueue());
        Map<String, String> props = c.properties();
        for (String key : config.get(CallbackSettings.class).returnedKeys()) {
          if (props.containsKey(key)) {
            entry.put(key, props.get(key));
          }
        }
        entries.add(entry);
      }
      answer.put(target, entries);
    }
    return answer;
  }

  private static Set<CallbackState> states(String list, String param) {
    Set<CallbackState> states = EnumSet.noneOf(CallbackState.class);
    for (String s : CallbackOptions.split(list)) {
      states.add(
          CallbackState.parse(s)
              .orElseThrow(
                  () -> new InvalidRequestException("Unknown state in " + param + ": " + s)));
    }
    if (states.isEmpty()) {
      throw new InvalidRequestException(param + " names no state");
    }
    return states;
  }

  /** Ends the listed callbacks COMPLETED with {@code reason} (default CANCELLED_BY_ADMIN). */
  @POST
  @Path("cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> cancel(String body) {
    Map<String, Object> json = readJson(body);
    Object reasonValue = json.get("reason");
    String reason =
        reasonValue == null || reasonValue.toString().isBlank()
            ? CallbackReason.CANCELLED_BY_ADMIN
            : reasonValue.toString();
    if (!(json.get("ids") instanceof List<?> ids)) {
      throw new InvalidRequestException("ids (a JSON array of callback ids) is mandatory");
    }
    List<String> list = ids.stream().map(String::valueOf).toList();
    List<Callback> ended = engine.cancelAll(list, reason, clock.now());
    ended.forEach(c -> callbacks.afterStateChange(c));
    ended.forEach(c -> execution.cancelled(c));
    return Map.of("cancelled", ended.stream().map(Callback::getId).toList());
  }

  /** QUEUED + PROCESSING per service. */
  @GET
  @Path("watermarks")
  public Map<String, Object> watermarks() {
    List<String> names = uri.getQueryParameters().getOrDefault("service_name", List.of());
    Map<String, Long> counts = store.active(names);
    Map<String, Long> services = new LinkedHashMap<>();
    for (String n : names) {
      services.put(n, counts.getOrDefault(n, 0L));
    }
    if (names.isEmpty()) {
      // every configured callback service, 0 when it has none
      configuration.current().get(ServiceCatalog.class).services().values().stream()
          .filter(d -> org.opengms.service.BuiltinService.CALLBACK.equals(d.service()))
          .forEach(d -> services.put(d.name(), counts.getOrDefault(d.name(), 0L)));
    }
    counts.forEach(services::putIfAbsent);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("services", services);
    answer.put("total", services.values().stream().mapToLong(Long::longValue).sum());
    return answer;
  }

  /** CSV of COMPLETED callbacks with {@code callback_reason} and the exported properties. */
  @POST
  @Path("reportcancelled")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces("text/csv")
  public StreamingOutput reportCancelled(String body) {
    Map<String, Object> json = readJson(body);
    String reason =
        json.get("callback_reason") == null
            ? CallbackReason.CANCELLED
            : json.get("callback_reason").toString();
    List<String> props = new ArrayList<>();
    if (json.get("exported_properties") instanceof List<?> l) {
      l.forEach(x -> props.add(String.valueOf(x)));
    }
    CallbackQuery all = new CallbackQuery(null, null, false, null, null, null, Map.of(), false);
    return CallbackCsv.completed(store, all, Set.of(reason), props);
  }

  private static Map<String, Object> readJson(String body) {
    if (body != null && !body.isBlank()) {
      JsonInput.check(body); // size and depth first: a deep body would exhaust the stack
    }
    try {
      Map<String, Object> json =
          CallbackJson.readObject(body == null || body.isBlank() ? "{}" : body);
      if (json == null) {
        throw new InvalidRequestException("The body must be a JSON object");
      }
      return json;
    } catch (RuntimeException e) {
      if (e instanceof InvalidRequestException i) {
        throw i;
      }
      throw new InvalidRequestException("The body must be a JSON object");
    }
  }
}
