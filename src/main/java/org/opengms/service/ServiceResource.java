package org.opengms.service;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.opengms.api.error.UnsupportedMediaTypeException;

/**
 * The GMS Service API: create a configured service, send it a service-specific request, end it.
 *
 * <pre>
 * curl -d _verbose=true http://localhost:8080/genesys/1/service/request-chat
 *   → 200 {"_id":"...","_chatIxnAPI-CREATE-URL":"/genesys/1/service/.../ixn/chat"}
 * curl -F _phone_number=6504669999 -F language=french -F FileKey=@pic.png \
 *      http://localhost:8080/genesys/1/service/request-interaction
 *   → 200 {"_id":"...","_access_number":"8003449999","_access_code":"7684"}
 * curl -X POST http://localhost:8080/genesys/1/service/{id}/status   (request-chat-poll)
 *   → 200 {"_id":"...","_status":"waiting"}
 * curl -X DELETE http://localhost:8080/genesys/1/service/{id}        → 200 {}
 * </pre>
 *
 * Parameters beginning with {@code _} are service parameters; every other field and every file is
 * user data, kept in the service's storage. Errors: 404 service not configured or id unknown or
 * expired, 400 request the service does not support, 413 limits, 415 body not a form.
 *
 * <p>A POST with neither a body nor a Content-Type reaches the method without {@code @Consumes} on
 * RESTEasy (WildFly); Jersey (Payara) may choose a form method instead and pass it a {@code null}
 * entity. The form methods therefore read {@code null} as "no body", so both servers create the
 * service.
 */
@Path("service")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResource {

  @Inject ServiceRequests requests;
  @Context HttpHeaders headers;

  @POST
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> create(
      @PathParam("id") String service,
      @HeaderParam("gms_user") String gmsUser,
      MultivaluedMap<String, String> form) {
    return requests.create(service, form == null ? List.of() : requests.read(form), gmsUser);
  }

  @POST
  @Path("{id}")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Map<String, Object> create(
      @PathParam("id") String service,
      @HeaderParam("gms_user") String gmsUser,
      List<EntityPart> parts) {
    return requests.create(service, parts == null ? List.of() : requests.read(parts), gmsUser);
  }

  /** A create without a body (no parameters at all); a body of another type is refused (415). */
  @POST
  @Path("{id}")
  public Map<String, Object> create(
      @PathParam("id") String service,
      @HeaderParam("gms_user") String gmsUser,
      @HeaderParam("Content-Type") String contentType) {
    requireNoBody(contentType);
    return requests.create(service, List.of(), gmsUser);
  }

  @POST
  @Path("{id}/{request}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, Object> request(
      @PathParam("id") String id,
      @PathParam("request") String request,
      MultivaluedMap<String, String> form) {
    return requests.request(id, request, form == null ? Map.of() : requests.parameters(form));
  }

  @POST
  @Path("{id}/{request}")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Map<String, Object> request(
      @PathParam("id") String id, @PathParam("request") String request, List<EntityPart> parts) {
    return requests.request(id, request, parts == null ? Map.of() : requests.parameters(parts));
  }

  /** A service request without a body. */
  @POST
  @Path("{id}/{request}")
  public Map<String, Object> request(
      @PathParam("id") String id,
      @PathParam("request") String request,
      @HeaderParam("Content-Type") String contentType) {
    requireNoBody(contentType);
    return requests.request(id, request, Map.of());
  }

  /**
   * Refuses a body that is not a form (415), including bytes sent without a Content-Type: Jersey
   * (Payara) refuses those itself, RESTEasy (WildFly) would bring them here and drop them.
   */
  private void requireNoBody(String contentType) {
    if (contentType != null && !contentType.isBlank()) {
      throw new UnsupportedMediaTypeException(
          "Unsupported media type " + contentType + ": send a form or no body");
    }
    if (headers.getLength() > 0 || headers.getHeaderString("Transfer-Encoding") != null) {
      throw new UnsupportedMediaTypeException("A body needs a Content-Type: send a form");
    }
  }

  /**
   * The query of a configured service: the calendar of an office-hours service, the slots of a
   * capacity service (405 for kinds that answer none).
   */
  @GET
  @Path("{id}")
  public Map<String, Object> query(@PathParam("id") String service, @Context UriInfo uri) {
    Map<String, String> params = new LinkedHashMap<>();
    uri.getQueryParameters().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
    return requests.query(service, params);
  }

  @DELETE
  @Path("{id}")
  public Map<String, Object> delete(@PathParam("id") String id) {
    requests.delete(id);
    return Map.of();
  }
}
