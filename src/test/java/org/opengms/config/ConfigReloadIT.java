package org.opengms.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.AdminView;
import org.opengms.testing.Conditions;
import org.opengms.testing.DatabaseIndependent;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.ItConfigFile;
import org.opengms.testing.Json;

/**
 * Edits the running server's configuration file: a valid change applies without restart while
 * requests are in flight; a broken one is refused and the last good version stays in force.
 */
@DatabaseIndependent
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConfigReloadIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;
  ItConfigFile file;
  String original;

  @BeforeEach
  void remember() {
    http = new Http(base);
    file = new ItConfigFile();
    original = file.original();
  }

  @AfterEach
  void restore() {
    file.close();
    Conditions.await(
        "original configuration back in force",
        Duration.ofSeconds(15),
        () -> groupStatus() == 403 && refusedChange() == null);
  }

  @Test
  void shouldApplyValidChangeWhileRequestsAreInFlight() throws Exception {
    assertEquals(403, groupStatus());
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<List<Integer>>> load = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      load.add(
          clients.submit(
              () -> {
                List<Integer> statuses = new ArrayList<>();
                while (!stop.get() && statuses.size() < 5000) {
                  statuses.add(http.postForm("1/patterns", Map.of("p", "a@b.cd")).statusCode());
                  statuses.add(
                      http.postForm("1/service/request-chat", Map.of("k", "v")).statusCode());
                }
                return statuses;
              }));
    }

    file.write(text -> text + "\n[patterns.reload_group]\nletters = [a-z]+\n");
    Conditions.await("new group in force", Duration.ofSeconds(15), () -> groupStatus() == 200);
    stop.set(true);
    clients.shutdown();
    assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));

    assertEquals(Map.of("p", "letters"), Json.object(matchGroup().body()));
    for (Future<List<Integer>> f : load) {
      assertTrue(f.get().stream().allMatch(s -> s == 200), "every in-flight request answered 200");
    }
  }

  @Test
  void shouldRefuseBrokenChangeAndKeepLastGoodVersion() throws Exception {
    file.write(text -> text + "\n[patterns.reload_group]\nletters = [a-z]+\n");
    Conditions.await("valid change in force", Duration.ofSeconds(15), () -> groupStatus() == 200);
    int brokenLine = original.split("\n", -1).length + 3;

    file.write(text -> text + "\n[patterns.reload_group]\nletters = [a-z]+\nbroken = (unclosed\n");
    Conditions.await(
        "broken change refused", Duration.ofSeconds(15), () -> refusedChange() != null);

    assertTrue(
        refusedChange().contains("it-gms.ini:" + brokenLine + ": "),
        refusedChange() + " should name line " + brokenLine);
    assertEquals(200, groupStatus(), "the last good version stays in force");
    assertEquals(Map.of("p", "letters"), Json.object(matchGroup().body()));
  }

  private HttpResponse<String> matchGroup() {
    return http.postForm("1/patterns/group/reload_group", Map.of("p", "abc"));
  }

  private int groupStatus() {
    return matchGroup().statusCode();
  }

  private String refusedChange() {
    return AdminView.refusedChange(http);
  }
}
