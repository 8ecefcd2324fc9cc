package org.opengms.callback;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengms.api.PublicUrls;
import org.opengms.api.error.UnsupportedMediaTypeException;
import org.opengms.config.ConfigurationProvider;

/**
 * The Callback Services API.
 *
 * <pre>
 * curl -H 'Content-Type: application/json' -d '{"_customer_number":"5115"}' \
 *      http://localhost:8080/genesys/1/service/callback/callback-demo
 *   → 200 {"_dialog_id":"0","_action":"ConfirmationDialog",...,"_id":"..."}   (immediate)
 *   → 200 {"_id":"..."}                                                        (scheduled)
 * curl -X DELETE http://localhost:8080/genesys/1/service/callback/callback-demo/{id}  → 200 {}
 * curl -X PUT -H 'Content-Type: application/json' -d '{"_new_desired_time":"..."}' \
 *      http://localhost:8080/genesys/1/service/callback/callback-demo/{id}              → 200 {}
 * curl 'http://localhost:8080/genesys/1/service/callback?_customer_number=5115'      → [{...}]
 * </pre>
 *
 * Start and update take a JSON object or a form. Errors: 404 unknown service or callback, 400
 * refused request (GMS messages), 503 limits, 415 other bodies.
 */
@Path("service/callback")
@Produces(MediaType.APPLICATION_JSON)
public class CallbackResource {

  @Inject CallbackService callbacks;
  @Inject CallbackSearch search;
  @Inject CallbackUpdates updates;
  @Inject ConfigurationProvider configuration;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @POST
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> startJson(
      @PathParam("name") String name,
      @HeaderParam("Idempotency-Key") String key,
      @HeaderParam("gms_user") String gmsUser,
      String body) {
    return callbacks.start(name, CallbackJson.readBody(body), key, gmsUser, dialogBase());
  }

  @POST
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> startForm(
      @PathParam("name") String name,
      @HeaderParam("Idempotency-Key") String key,
      @HeaderParam("gms_user") String gmsUser,
      MultivaluedMap<String, String> form) {
    return callbacks.start(name, first(form), key, gmsUser, dialogBase());
  }

  /** A start without a body (the service's options alone); other bodies are refused (415). */
  @POST
  @Path("{name}")
  public Map<String, Object> startEmpty(
      @PathParam("name") String name,
      @HeaderParam("Idempotency-Key") String key,
      @HeaderParam("gms_user") String gmsUser,
      @HeaderParam("Content-Type") String contentType) {
    requireNoBody(contentType);
    return callbacks.start(name, new LinkedHashMap<>(), key, gmsUser, dialogBase());
  }

  @DELETE
  @Path("{name}/{id}")
  public Map<String, Object> cancel(
      @PathParam("name") String name,
      @PathParam("id") String id,
      @jakarta.ws.rs.QueryParam("discard_ors_failure") String discardOrsFailure) {
    callbacks.cancel(name, id, discardFlag(discardOrsFailure));
    return Map.of();
  }

  @PUT
  @Path("{name}/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> updateJson(
      @PathParam("name") String name, @PathParam("id") String id, String body) {
    updates.update(name, id, CallbackJson.readBody(body));
    return Map.of();
  }

  @PUT
  @Path("{name}/{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> updateForm(
      @PathParam("name") String name,
      @PathParam("id") String id,
      MultivaluedMap<String, String> form) {
    updates.update(name, id, first(form));
    return Map.of();
  }

  @GET
  @Path("{name}")
  public List<Map<String, Object>> queryService(@PathParam("name") String name) {
    return search.query(name, first(uri.getQueryParameters()), apiBase());
  }

  @GET
  public List<Map<String, Object>> queryAll() {
    return search.query(null, first(uri.getQueryParameters()), apiBase());
  }

  private String apiBase() {
    return PublicUrls.apiBase(uri, headers, configuration.current()).build().toString();
  }

  /**
   * {@code discard_ors_failure=true}: the cancel is not held up by ORS (its forward to the ORS
   * session is tried once, never retried).
   */
  private static boolean discardFlag(String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    String v = value.strip();
    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
      throw new CallbackException("discard_ors_failure must be true or false, not '" + v + "'");
    }
    return v.equalsIgnoreCase("true");
  }

  /** The {@code .../genesys} base the dialogs' URLs start with. */
  private String dialogBase() {
    return CallbackStartDialogs.dialogBase(apiBase());
  }

  static Map<String, String> first(MultivaluedMap<String, String> form) {
    Map<String, String> params = new LinkedHashMap<>();
    if (form != null) {
      form.forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
    }
    return params;
  }

  private void requireNoBody(String contentType) {
    if (contentType != null && !contentType.isBlank()) {
      throw new UnsupportedMediaTypeException(
          "Unsupported media type " + contentType + ": send JSON or a form");
    }
    if (headers.getLength() > 0 || headers.getHeaderString("Transfer-Encoding") != null) {
      throw new UnsupportedMediaTypeException("A body needs a Content-Type: send JSON or a form");
    }
  }
}
