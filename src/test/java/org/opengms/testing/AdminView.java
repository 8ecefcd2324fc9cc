package org.opengms.testing;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Reads the running server's effective configuration as the admin of it-gms.ini. */
public final class AdminView {

  private AdminView() {}

  public static Map<String, Object> config(Http http) {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(http.uri("1/admin/config"))
                .header("Authorization", Http.basic("admin", "admin"))
                .GET());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET 1/admin/config answered " + response.statusCode() + ": " + response.body());
    }
    return Json.object(response.body());
  }

  /** One option's value in force, or null. */
  @SuppressWarnings("unchecked")
  public static String option(Http http, String section, String option) {
    Map<String, Map<String, String>> sections =
        (Map<String, Map<String, String>>) config(http).get("sections");
    return sections.getOrDefault(section, Map.of()).get(option);
  }

  /** The reason of the last refused change of the file, or null. */
  @SuppressWarnings("unchecked")
  public static String refusedChange(Http http) {
    Object refused = config(http).get("refusedChange");
    return refused == null ? null : (String) ((Map<String, Object>) refused).get("reason");
  }
}
