package org.opengms.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NodeStatusIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  @Test
  void shouldAnswerOnlineAsPlainTextWhenDeployed() {
    HttpResponse<String> response = new Http(base).get("1/admin/node/status");

    assertEquals(200, response.statusCode());
    assertEquals("ONLINE", response.body());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
        "content type");
    assertEquals("no-cache, no-store", response.headers().firstValue("Cache-Control").orElse(""));
    assertEquals("no-cache", response.headers().firstValue("Pragma").orElse(""));
  }

  @Test
  void shouldReportReadyThroughMicroProfileHealth() {
    // WildFly serves MicroProfile Health on its management port, Payara on the HTTP port.
    boolean payara = "payara".equals(System.getProperty("arquillian.launch"));
    int port =
        payara
            ? Integer.getInteger("it.http.port", 8080)
            : Integer.getInteger("it.management.port", 9990);
    HttpResponse<String> ready =
        new Http(Deployments.baseUrl())
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .GET());

    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("\"gms-node\""), ready.body());
    assertTrue(ready.body().replace(" ", "").contains("\"status\":\"UP\""), ready.body());
  }

  @Test
  void shouldAnswerJsonErrorWhenPathIsUnknown() {
    HttpResponse<String> response = new Http(base).get("1/admin/node/nothing");

    assertEquals(404, response.statusCode());
    assertTrue(
        response
            .body()
            .contains("\"exception\":\"org.opengms.api.error.ResourceNotFoundException\""),
        response.body());
  }
}
