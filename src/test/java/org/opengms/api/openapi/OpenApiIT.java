package org.opengms.api.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.api.openapi.OpenApiDocument.Operation;
import org.opengms.testing.DatabaseIndependent;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;

/**
 * The REST API description {@code /genesys/openapi.json} is true to the deployed WAR: it is OpenAPI
 * 3.1 JSON, it describes exactly the operations the JAX-RS resources serve, and every operation,
 * called with minimal input, answers a status, media type and (for JSON) body it describes.
 */
@DatabaseIndependent
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

  /**
   * Resource methods that are no operation: {@code {unknown: .+}} turns any other path under a v2
   * chat's {@code file/} into the v2 404 body. Not described; checked to answer that 404.
   */
  private static final Set<String> CATCH_ALLS = Set.of("POST /2/chat/{}/{}/file/{}");

  /** The test configuration's logins for each role (its hashes are of the logins). */
  private static final Map<String, String> LOGIN_OF_ROLE =
      Map.of(
          "admin", Http.basic("admin", "admin"),
          "agent", Http.basic("agent1", "agent1"),
          "statistic", Http.basic("stats", "stats"));

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;

  @BeforeEach
  void client() {
    http = new Http(base);
  }

  private OpenApiDocument description() {
    HttpResponse<String> response = http.get("openapi.json");
    assertEquals(200, response.statusCode(), response.body());
    String type = response.headers().firstValue("Content-Type").orElse("");
    assertTrue(type.startsWith("application/json"), type);
    return new OpenApiDocument(Json.object(response.body()));
  }

  @Test
  void shouldServeTheDescriptionAsOpenApi31Json() {
    OpenApiDocument description = description();
    assertTrue(description.version().matches("3\\.1\\.\\d+"), description.version());
    List<String> problems = new ArrayList<>();
    Pattern template = Pattern.compile("\\{([^}]+)}");
    for (Operation operation : description.operations()) {
      if (!(operation.body().get("summary") instanceof String summary) || summary.isBlank()) {
        problems.add(operation + ": no summary");
      }
      if (!(operation.body().get("responses") instanceof Map<?, ?> r) || r.isEmpty()) {
        problems.add(operation + ": no responses");
      }
      Set<String> declared = new TreeSet<>();
      description.parameters(operation).stream()
          .filter(p -> "path".equals(p.get("in")))
          .forEach(p -> declared.add(String.valueOf(p.get("name"))));
      Set<String> inPath = new TreeSet<>();
      Matcher names = template.matcher(operation.path());
      while (names.find()) {
        inPath.add(names.group(1));
      }
      if (!declared.equals(inPath)) {
        problems.add(operation + ": path parameters " + declared + " for " + inPath);
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void shouldDescribeEveryServedOperationAndNothingElse() {
    Set<String> served = new TreeSet<>(ServedOperations.all());
    assertTrue(served.containsAll(CATCH_ALLS), "catch-alls changed: " + served);
    served.removeAll(CATCH_ALLS);
    Set<String> described = description().keys();

    Set<String> undescribed = new TreeSet<>(served);
    undescribed.removeAll(described);
    Set<String> unserved = new TreeSet<>(described);
    unserved.removeAll(served);
    assertEquals(Set.of(), undescribed, "served but not described");
    assertEquals(Set.of(), unserved, "described but not served");

    HttpResponse<String> unknown = http.postNothing("2/chat/chat-v2/no-chat/file/no/such/op");
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertEquals(2, ((Number) Json.object(unknown.body()).get("statusCode")).intValue());
  }

  @Test
  void shouldAnswerEveryDescribedOperationAsDescribed() {
    OpenApiDocument description = description();
    OperationProbe probe = new OperationProbe(http, description, standIns());
    List<String> problems = new ArrayList<>();
    int calls = 0;
    List<Operation> operations = new ArrayList<>(description.operations());
    // deletions last, so the other calls find what the stand-ins name
    operations.sort(Comparator.comparing(o -> o.method().equals("delete")));
    try {
      for (Operation operation : operations) {
        problems.addAll(probe.probe(operation, null).problems());
        calls++;
        for (String role : roles(description, operation)) {
          problems.addAll(probe.probe(operation, LOGIN_OF_ROLE.get(role)).problems());
          calls++;
        }
      }
    } finally {
      // the probe of POST /1/agent/ready made agent1 ready: leave it as it was
      http.send(
          java.net.http.HttpRequest.newBuilder(http.uri("1/agent/not-ready"))
              .header("Authorization", LOGIN_OF_ROLE.get("agent"))
              .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    }
    assertTrue(calls > description.operations().size(), "calls: " + calls);
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  @Test
  void shouldDescribeTheRefusalsOfServiceCredentials() {
    // the test configuration's chat-v2-secured has service credentials: without them, 401
    OpenApiDocument description = description();
    OperationProbe probe =
        new OperationProbe(http, description, Map.of("request-chat", "chat-v2-secured"));
    List<String> problems = new ArrayList<>();
    int secured = 0;
    for (Operation operation : description.operations()) {
      if (operation.path().startsWith("/2/chat/{service}")) {
        OperationProbe.Result result = probe.probe(operation, null);
        problems.addAll(result.problems());
        if (result.status() != 401) {
          problems.add(operation + " answered " + result.status() + ", not 401");
        }
        secured++;
      }
    }
    assertEquals(6, secured);
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  /**
   * The description's examples that name things of the shipped configuration or created by a
   * client, and what stands for them here: the test configuration's callback service, and a
   * service, a storage area and a callback this test creates.
   */
  private Map<String, String> standIns() {
    Map<String, String> standIns = new HashMap<>();
    standIns.put("callback-demo", "cb-builtin");
    standIns.put(
        "9d6c31d3-1121-4ba9-91e1-b93c0fa6e32f",
        createdId(http.postForm("1/service/request-chat", Map.of()), "_id"));
    standIns.put(
        "b8e8eb60-3f14-493d-90da-0034aca34b55",
        createdId(http.postForm("1/storage/3600", Map.of("Key1", "Value1")), "id"));
    standIns.put(
        "a550a12e-ca77-4146-98d0-58960e0939f7",
        createdId(
            http.post(
                "1/service/callback/cb-builtin",
                "application/json",
                "{\"_customer_number\":\"5115\"}"),
            "_id"));
    return standIns;
  }

  private static String createdId(HttpResponse<String> created, String field) {
    assertEquals(200, created.statusCode(), created.body());
    return String.valueOf(Json.object(created.body()).get(field));
  }

  /** The roles of an operation's {@code basic} requirements (OpenAPI 3.1: role names). */
  private static List<String> roles(OpenApiDocument description, Operation operation) {
    List<String> roles = new ArrayList<>();
    for (Map<String, Object> requirement : description.security(operation)) {
      if (requirement.get("basic") instanceof List<?> names) {
        names.forEach(n -> roles.add(String.valueOf(n)));
      }
    }
    return roles;
  }
}
