package org.opengms.badinput;

import static org.opengms.badinput.BadInputCase.form;
import static org.opengms.badinput.BadInputCase.get;
import static org.opengms.badinput.BadInputCase.json;
import static org.opengms.badinput.BadInputCase.raw;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opengms.testing.Http;
import org.opengms.testing.Json;

/**
 * The bad-input corpus, one method per API. A new endpoint adds its cases here: the same mutations
 * (see {@link #VALUES}, {@link #BODIES}) applied to each of its fields.
 */
final class BadInputCorpus {

  static final String LONG = "x".repeat(5000);
  static final String HUGE = "y".repeat(70_000);
  static final String DOTTED = "a.".repeat(20_000) + "a";
  static final String DEEP_ARRAY = "[".repeat(5000) + "]".repeat(5000);
  static final String DEEP_OBJECT = "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);

  /** JSON values that no text field may take. */
  static final Map<String, String> VALUES =
      Map.of(
          "5000 chars",
          Json.quote(LONG),
          "70000 chars",
          Json.quote(HUGE),
          "deep object",
          DEEP_OBJECT,
          "deep array",
          DEEP_ARRAY,
          "object",
          "{\"a\":1}",
          "array",
          "[\"a\",\"b\"]");

  /** Bodies that no JSON endpoint may take. */
  static final Map<String, String> BODIES =
      Map.ofEntries(
          Map.entry("array", "[]"),
          Map.entry("array of one", "[{}]"),
          Map.entry("string", "\"x\""),
          Map.entry("number", "5"),
          Map.entry("null", "null"),
          Map.entry("truncated", "{\"a\":"),
          Map.entry("not json", "hello"),
          Map.entry("deep array", DEEP_ARRAY),
          Map.entry("deep object", DEEP_OBJECT),
          Map.entry("NaN", "{\"a\":NaN}"),
          Map.entry("over 1 MiB", "{\"a\":\"" + "z".repeat(1_100_000) + "\"}"));

  private BadInputCorpus() {}

  private static String replace(String template, String field, String value) {
    return template.replace("\"" + field + "\":\"?\"", "\"" + field + "\":" + value);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Every template field with every bad value, and every bad body, sent to {@code path}. */
  private static void jsonCases(
      List<BadInputCase> cases,
      String api,
      String method,
      String path,
      String template,
      String... fields) {
    for (String field : fields) {
      VALUES.forEach(
          (what, value) ->
              cases.add(
                  json(
                      api + " " + field + " " + what,
                      method,
                      path,
                      replace(template, field, value))));
    }
    BODIES.forEach((what, body) -> cases.add(json(api + " body " + what, method, path, body)));
  }

  static List<BadInputCase> notification() {
    List<BadInputCase> cases = new ArrayList<>();
    String subscribe =
        "{\"subscriberId\":\"?\",\"filter\":\"?\",\"language\":\"?\",\"providerName\":\"?\","
            + "\"notificationDetails\":{\"type\":\"comet\"}}";
    String valid =
        "{\"subscriberId\":\"bad\",\"filter\":\"bad.*\",\"language\":\"en\",\"providerName\":\"p\",";
    for (String field : new String[] {"subscriberId", "filter", "language", "providerName"}) {
      VALUES.forEach(
          (what, value) -> {
            String body =
                subscribe
                    .replace("\"subscriberId\":\"?\"", "\"subscriberId\":\"bad\"")
                    .replace("\"filter\":\"?\"", "\"filter\":\"bad.*\"")
                    .replace("\"language\":\"?\"", "\"language\":\"en\"")
                    .replace("\"providerName\":\"?\"", "\"providerName\":\"p\"");
            body = body.replace(fieldValue(field), "\"" + field + "\":" + value);
            cases.add(
                json("subscribe " + field + " " + what, "POST", "1/notification/subscription", body)
                    .header("gms_user", "bad-input"));
          });
    }
    for (String filter :
        new String[] {DOTTED, "a..b", "a.*.b", "a b", "a.\r\nb", "x".repeat(2000), ".a", "a."}) {
      cases.add(
          json(
                  "subscribe filter " + filter.length() + " chars",
                  "POST",
                  "1/notification/subscription",
                  valid.replace("\"filter\":\"bad.*\"", "\"filter\":" + Json.quote(filter))
                      + "\"notificationDetails\":{\"type\":\"comet\"}}")
              .header("gms_user", "bad-input"));
    }
    for (String details :
        new String[] {
          "[]",
          "\"comet\"",
          "{\"type\":" + Json.quote(LONG) + "}",
          "{\"type\":\"httpcb\",\"deviceId\":" + Json.quote("http://x/" + LONG) + "}",
          "{\"type\":\"httpcb\",\"deviceId\":\"http://0177.0.0.1/\"}",
          DEEP_OBJECT
        }) {
      cases.add(
          json(
                  "subscribe notificationDetails " + details.length(),
                  "POST",
                  "1/notification/subscription",
                  valid + "\"notificationDetails\":" + details + "}")
              .header("gms_user", "bad-input"));
    }
    for (String expire : new String[] {"\"NaN\"", "1e308", "-1e400", "\"x\"", "[]", "1.5e10"}) {
      cases.add(
          json(
                  "subscribe expire " + expire,
                  "POST",
                  "1/notification/subscription",
                  valid + "\"expire\":" + expire + ",\"notificationDetails\":{\"type\":\"comet\"}}")
              .header("gms_user", "bad-input"));
    }
    BODIES.forEach(
        (what, body) ->
            cases.add(
                json("subscribe body " + what, "POST", "1/notification/subscription", body)
                    .header("gms_user", "bad-input")));
    jsonCases(
        cases,
        "publish",
        "POST",
        "1/notification/publish",
        "{\"tag\":\"?\",\"message\":\"m\",\"mediaType\":\"?\"}",
        "tag",
        "mediaType");
    for (String tag : new String[] {DOTTED, "a..b", "x".repeat(2000), "a.*"}) {
      cases.add(
          json(
              "publish tag " + tag.length() + " chars",
              "POST",
              "1/notification/publish",
              "{\"tag\":" + Json.quote(tag) + ",\"message\":\"m\"}"));
    }
    cases.add(raw("subscribe as text", "1/notification/subscription", "text/plain", "{}"));
    return cases;
  }

  private static String fieldValue(String field) {
    return switch (field) {
      case "subscriberId" -> "\"subscriberId\":\"bad\"";
      case "filter" -> "\"filter\":\"bad.*\"";
      case "language" -> "\"language\":\"en\"";
      default -> "\"providerName\":\"p\"";
    };
  }

  static List<BadInputCase> callbacks(String service, String existing, String desired) {
    List<BadInputCase> cases = new ArrayList<>();
    String start = "1/service/callback/" + service;
    String template =
        "{\"_customer_number\":\"?\",\"_desired_time\":\""
            + desired
            + "\",\"_usr_note\":\"?\",\"_request_id\":\"?\"}";
    for (String field : new String[] {"_customer_number", "_usr_note", "_request_id"}) {
      VALUES.forEach(
          (what, value) -> {
            String body = template;
            for (String other : new String[] {"_customer_number", "_usr_note", "_request_id"}) {
              // a request id of its own per case and run: a shared one replays the first answer
              String fine = Json.quote("bad-input-" + java.util.UUID.randomUUID());
              body = replace(body, other, other.equals(field) ? value : fine);
            }
            // nested values are kept as their JSON text (reference); a note of 5000 characters
            // fits the properties column: only what is too long or too deep must be refused
            boolean refused =
                what.equals("70000 chars")
                    || what.startsWith("deep")
                    || (what.equals("5000 chars") && !field.equals("_usr_note"));
            BadInputCase c = json("start " + field + " " + what, "POST", start, body);
            cases.add(refused ? c : c.tolerated());
          });
    }
    for (String time :
        new String[] {
          "999999999-01-01T00:00:00Z",
          "+10000-01-01T00:00:00Z",
          "0001-01-01T00:00:00Z",
          "2026-13-45T99:00:00Z",
          "tomorrow",
          "NaN",
          LONG
        }) {
      cases.add(
          json(
              "start _desired_time " + time.length(),
              "POST",
              start,
              "{\"_customer_number\":\"5550100\",\"_desired_time\":" + Json.quote(time) + "}"));
      cases.add(
          json(
              "reschedule " + time.length(),
              "PUT",
              start + "/" + existing,
              "{\"_new_desired_time\":" + Json.quote(time) + "}"));
      cases.add(
          get(
              "query _desired_time_from " + time.length(),
              start + "?_desired_time_from=" + enc(time)));
    }
    BODIES.forEach((what, body) -> cases.add(json("start body " + what, "POST", start, body)));
    BODIES.forEach(
        (what, body) ->
            cases.add(json("update body " + what, "PUT", start + "/" + existing, body)));
    cases.add(
        json(
            "update property 70000 chars",
            "PUT",
            start + "/" + existing,
            "{\"_usr_x\":" + Json.quote(HUGE) + "}"));
    cases.add(
        json(
                "start Idempotency-Key 5000",
                "POST",
                start,
                "{\"_customer_number\":\"1\",\"_desired_time\":\"" + desired + "\"}")
            .header("Idempotency-Key", LONG));
    cases.add(
        form(
            "start form _customer_number 5000",
            start,
            "_customer_number=" + LONG + "&_desired_time=" + enc(desired)));
    String admin = Http.basic("admin", "admin");
    BODIES.forEach(
        (what, body) ->
            cases.add(
                json("admin cancel body " + what, "POST", "1/admin/callback/cancel", body)
                    .header("Authorization", admin)));
    cases.add(
        get(
                "admin queues start_time",
                "1/admin/callback/queues?start_time=999999999-01-01T00:00:00Z")
            .header("Authorization", admin));
    cases.add(
        get("admin queues max", "1/admin/callback/queues?max=99999999999")
            .header("Authorization", admin)
            .tolerated());
    // the admin console's callback endpoints
    BODIES.forEach(
        (what, body) -> {
          cases.add(
              json("admin create body " + what, "POST", "1/admin/callbacks/" + service, body)
                  .header("Authorization", admin));
          cases.add(
              json(
                      "admin update body " + what,
                      "PUT",
                      "1/admin/callbacks/" + service + "/" + existing,
                      body)
                  .header("Authorization", admin));
        });
    for (String query :
        new String[] {
          "limit=0",
          "limit=99999999999",
          "limit=%00",
          "state=%00",
          "from=" + LONG,
          "to=999999999-01-01T00:00:00Z",
          "after=" + LONG,
          "after=%FF%FE",
          "x=1",
          "service=" + LONG
        }) {
      cases.add(
          get("admin list " + query.length(), "1/admin/callbacks?" + query)
              .header("Authorization", admin));
      cases.add(
          get("admin csv " + query.length(), "1/admin/callbacks/cancelled.csv?" + query)
              .header("Authorization", admin));
    }
    return cases;
  }

  static List<BadInputCase> storage(String existing) {
    List<BadInputCase> cases = new ArrayList<>();
    for (String path : new String[] {"1/storage/600", "1/storage/" + existing + "/600"}) {
      for (String key : new String[] {"a%0D%0Ab", "a%00b", "_x", "k".repeat(300), "a%0Ab"}) {
        cases.add(form("key " + key.length(), path, key + "=v"));
      }
      cases.add(form("value 70000", path, "k=" + HUGE));
      StringBuilder many = new StringBuilder("k0=v");
      for (int i = 1; i < 12; i++) {
        many.append("&k").append(i).append("=v");
      }
      cases.add(form("too many keys", path, many.toString()));
      cases.add(raw("multipart without boundary", path, "multipart/form-data", "--x\r\n"));
      cases.add(
          raw(
              "multipart cut off before its closing boundary",
              path,
              "multipart/form-data; boundary=zz",
              "--zz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv"));
      cases.add(raw("text body", path, "text/plain", "k=v"));
      cases.add(raw("json body", path, "application/json", "{\"k\":\"v\"}"));
      cases.add(form("broken escape", path, "k=%zz"));
    }
    cases.add(form("ttl NaN", "1/storage/NaN", "k=v").tolerated());
    cases.add(form("ttl 1e309", "1/storage/1e309", "k=v").tolerated());
    cases.add(get("unknown id", "1/storage/" + LONG.substring(0, 300)));
    return cases;
  }

  static List<BadInputCase> chat(String service) {
    List<BadInputCase> cases = new ArrayList<>();
    String start = "1/service/" + service + "/ixn/chat";
    for (String field :
        new String[] {
          "subject",
          "firstName",
          "lastName",
          "email",
          "userDisplayName",
          "subscriptionID",
          "clientTimeZoneOffset"
        }) {
      BadInputCase c = form("start " + field + " 5000", start, "subject=s&" + field + "=" + LONG);
      // the subject is shortened to its limit by design (Chat API), the other fields refused
      cases.add(field.equals("subject") ? c.tolerated() : c);
    }
    cases.add(form("send 70000", start + "/send", "message=" + HUGE));
    cases.add(
        form("refresh position NaN", start + "/refresh", "transcriptPosition=NaN").tolerated());
    cases.add(raw("start json", start, "application/json", "{}"));
    return cases;
  }

  static List<BadInputCase> others() {
    List<BadInputCase> cases = new ArrayList<>();
    cases.add(form("service unknown name", "1/service/" + LONG.substring(0, 300), "a=b"));
    cases.add(form("patterns huge value", "1/patterns", "p=" + HUGE).tolerated());
    cases.add(form("patterns unknown group", "1/patterns/group/" + LONG.substring(0, 300), "p=x"));
    cases.add(get("phonenumber long", "1/phonenumber?number=" + LONG).tolerated());
    cases.add(
        raw("statistic deep", "1/statistic", "application/json", DEEP_ARRAY)
            .header("Authorization", Http.basic("stats", "stats"))
            .tolerated());
    cases.add(
        form("agent not-ready long reason", "1/agent/not-ready", "reason=" + HUGE)
            .header("Authorization", Http.basic("agent3", "agent3"))
            .tolerated());
    return cases;
  }
}
