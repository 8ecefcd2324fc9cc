package org.opengms.callback;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengms.api.PublicUrls;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.security.Secured;

/**
 * What the admin console ({@code /genesys/admin/}) does with callbacks, role {@code admin}: a
 * paged, filtered list, start and update on behalf of a customer (without the service's own
 * credentials, which the admin does not hold), and the CSV of cancelled ones.
 *
 * <pre>
 * curl -u admin:admin 'http://localhost:8080/genesys/1/admin/callbacks?service=callback-demo&amp;state=SCHEDULED&amp;limit=50'
 *   → {"total":1234,"totalCapped":false,"callbacks":[{...},...],"next":"MTc2..."}     (then &amp;after=MTc2...)
 * curl -u admin:admin -H 'Content-Type: application/json' -d '{"_customer_number":"5115"}' \
 *      http://localhost:8080/genesys/1/admin/callbacks/callback-demo                → the start answer
 * curl -u admin:admin -X PUT -H 'Content-Type: application/json' -d '{"_new_desired_time":"..."}' \
 *      http://localhost:8080/genesys/1/admin/callbacks/callback-demo/{id}           → {}
 * curl -u admin:admin 'http://localhost:8080/genesys/1/admin/callbacks/cancelled.csv?properties=_customer_number'
 * </pre>
 */
@Path("admin/callbacks")
@Secured("admin")
@Produces(MediaType.APPLICATION_JSON)
public class CallbackConsoleResource {

  /** Rows per page at most: a page is one index range scan of this many rows. */
  static final int MAX_LIMIT = 200;

  static final int DEFAULT_LIMIT = 50;

  /** The first page's total counts this many rows at most ("10000+"), so its cost is bounded. */
  static final int MAX_TOTAL = 10_000;

  @EJB CallbackStore store;
  @Inject CallbackService callbacks;
  @Inject CallbackUpdates updates;
  @Inject ConfigurationProvider configuration;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  /**
   * One page, by desired time then id. {@code total} (matching rows, at most {@link #MAX_TOTAL},
   * {@code totalCapped} when there are more) comes with the first page only (no {@code after}), so
   * paging on does not count again.
   */
  @GET
  public Map<String, Object> list() {
    CallbackFilter filter = CallbackFilter.of(uri.getQueryParameters(), callbacks);
    int limit = filter.limit(DEFAULT_LIMIT, MAX_LIMIT);
    // one row more than asked tells whether a next page exists
    List<Callback> rows = store.page(filter.query(), filter.after(), limit + 1);
    boolean more = rows.size() > limit;
    List<Callback> page = more ? rows.subList(0, limit) : rows;
    String base = PublicUrls.apiBase(uri, headers, configuration.current()).build().toString();
    List<Map<String, Object>> out = new ArrayList<>();
    page.forEach(c -> out.add(CallbackViews.of(c, base)));
    Map<String, Object> answer = new LinkedHashMap<>();
    if (filter.after() == null) {
      long total = store.countUpTo(filter.query(), MAX_TOTAL + 1);
      answer.put("total", Math.min(total, MAX_TOTAL));
      answer.put("totalCapped", total > MAX_TOTAL);
    }
    answer.put("callbacks", out);
    answer.put("next", more ? CallbackCursor.after(page.get(page.size() - 1)).token() : null);
    return answer;
  }

  /** Start-Callback as the service's customer would, answered as the Callback Services API does. */
  @POST
  @Path("{service}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> create(@PathParam("service") String service, String body) {
    Map<String, String> request = CallbackJson.readBody(body);
    String base = PublicUrls.apiBase(uri, headers, configuration.current()).build().toString();
    return callbacks.start(service, request, null, null, CallbackStartDialogs.dialogBase(base));
  }

  /** Update-Callback: reschedule ({@code _new_desired_time}) or change properties. */
  @PUT
  @Path("{service}/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> update(
      @PathParam("service") String service, @PathParam("id") String id, String body) {
    Map<String, String> change = CallbackJson.readBody(body);
    if (change.isEmpty()) {
      throw new InvalidRequestException("The body names nothing to change");
    }
    updates.update(service, id, change);
    return Map.of();
  }

  /**
   * The cancelled callbacks matching the list's filters (its state filter aside) as CSV, streamed:
   * {@code reasons} (default CANCELLED, CANCELLED_BY_ADMIN), {@code properties} the extra columns.
   */
  @GET
  @Path("cancelled.csv")
  @Produces("text/csv")
  public Response cancelledCsv() {
    CallbackFilter filter = CallbackFilter.of(uri.getQueryParameters(), callbacks);
    filter.limit(DEFAULT_LIMIT, MAX_LIMIT); // the CSV has no pages, but a bad limit is still bad
    Set<String> reasons = new LinkedHashSet<>(filter.list("reasons"));
    if (reasons.isEmpty()) {
      reasons.add(CallbackReason.CANCELLED);
      reasons.add(CallbackReason.CANCELLED_BY_ADMIN);
    }
    return Response.ok(
            CallbackCsv.completed(store, filter.query(), reasons, filter.list("properties")))
        .header("Content-Disposition", "attachment; filename=\"cancelled-callbacks.csv\"")
        .build();
  }
}
