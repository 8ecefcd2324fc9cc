package org.opengms.notification;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.opengms.api.JsonInput;
import org.opengms.api.error.UnsupportedMediaTypeException;

/**
 * The GMS Notification API (JSON bodies only; another media type → 415).
 *
 * <pre>
 * curl -H 'Content-Type: application/json' -d '{"subscriberId":"A1","filter":"ors.*",
 *   "notificationDetails":{"type":"httpcb","deviceId":"https://example.com/cb"}}' \
 *   http://localhost:8080/genesys/1/notification/subscription          → 200 {"id":"..."}
 * curl -X DELETE http://localhost:8080/genesys/1/notification/subscription/{id}        → 200
 * curl -X DELETE http://localhost:8080/genesys/1/notification/subscription/subscriber/A1 → 200
 * curl -H 'Content-Type: application/json' -d '{"tag":"ors.event.1","message":"hi"}' \
 *   http://localhost:8080/genesys/1/notification/publish    → 200, or 503 if a delivery failed
 * </pre>
 */
@Path("notification")
public class NotificationResource {

  @Inject Notifications notifications;

  @POST
  @Path("subscription")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> subscribe(
      String body,
      @HeaderParam("gms_user") String gmsUser,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
    requireContentType(contentType);
    return Map.of("id", notifications.subscribe(parse(body, SubscriptionRequest.class), gmsUser));
  }

  @DELETE
  @Path("subscription/{id}")
  public Response unsubscribe(@PathParam("id") String id) {
    notifications.unsubscribe(id);
    return Response.ok().build();
  }

  @DELETE
  @Path("subscription/subscriber/{subscriberId}")
  public Response unsubscribeAll(@PathParam("subscriberId") String subscriberId) {
    notifications.unsubscribeAll(subscriberId);
    return Response.ok().build();
  }

  @POST
  @Path("publish")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response publish(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
    requireContentType(contentType);
    notifications.publish(parse(body, PublishRequest.class));
    return Response.ok().build();
  }

  /**
   * A POST without a Content-Type is not JSON: RESTEasy (WildFly) refuses it with 415 before
   * choosing a method, Jersey (Payara) hands it to the JSON method. Both answer 415.
   */
  private static void requireContentType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      throw new UnsupportedMediaTypeException("Body must be application/json");
    }
  }

  /** Our own parsing, so malformed JSON is a 400 in our error shape on every server. */
  private static <T> T parse(String body, Class<T> type) {
    return JsonInput.parse(body, type, "a JSON object of the expected fields");
  }
}
