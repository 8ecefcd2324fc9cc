package org.opengms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.Conditions;
import org.opengms.testing.DatabaseIndependent;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.ItConfigFile;
import org.opengms.testing.Json;
import org.opengms.testing.Multipart;

/** Behind a trusted proxy, binary URLs use X-Forwarded-Proto and X-Forwarded-Host. */
@DatabaseIndependent
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ForwardedHeadersIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  @Test
  void shouldBuildBinaryUrlsFromForwardedHeadersWhenProxyTrusted() {
    Http http = new Http(base);
    String id =
        (String)
            Json.object(
                    http.postMultipart(
                            "1/storage/600",
                            new Multipart().file("f", "a.txt", "text/plain", new byte[] {1}))
                        .body())
                .get("id");
    try (ItConfigFile config = new ItConfigFile()) {
      config.write(
          text -> text.replace("[server]\n", "[server]\ntrust_forwarded_headers = true\n"));

      Conditions.await(
          "forwarded headers honoured",
          Duration.ofSeconds(15),
          () ->
              ("https://gms.example.com/genesys/1/storage/binary/" + id + "/f")
                  .equals(
                      Json.object(
                              http.send(
                                      HttpRequest.newBuilder(http.uri("1/storage/" + id))
                                          .header("X-Forwarded-Proto", "https")
                                          .header(
                                              "X-Forwarded-Host", "gms.example.com, inner.proxy")
                                          .GET())
                                  .body())
                          .get("f")));
      assertEquals(
          Map.of("f", "http://gms.example.com:8443/genesys/1/storage/binary/" + id + "/f"),
          Json.object(
              http.send(
                      HttpRequest.newBuilder(http.uri("1/storage/" + id))
                          .header("X-Forwarded-Host", "gms.example.com:8443")
                          .GET())
                  .body()));
    }
  }
}
