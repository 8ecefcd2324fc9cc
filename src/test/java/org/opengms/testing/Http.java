package org.opengms.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A small HTTP client for tests: real requests against the deployed application. */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final URI base;

  /** {@code deploymentUrl} is Arquillian's URL of the WAR, e.g. http://127.0.0.1:8080/genesys/. */
  public Http(URL deploymentUrl) {
    try {
      this.base = deploymentUrl.toURI();
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  public URI uri(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public HttpResponse<byte[]> getBytes(String path) {
    try {
      return CLIENT.send(
          HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  public HttpResponse<String> postForm(String path, Map<String, String> fields) {
    return post(path, "application/x-www-form-urlencoded", form(fields));
  }

  /** {@code fields} as an {@code application/x-www-form-urlencoded} body. */
  public static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  public HttpResponse<String> postMultipart(String path, Multipart body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", body.contentType())
            .POST(body.publisher()));
  }

  public HttpResponse<String> post(String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  /** A POST with neither a body nor a Content-Type ({@code curl -X POST}). */
  public HttpResponse<String> postNothing(String path) {
    return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return CLIENT.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The value of an {@code Authorization: Basic} header for {@code login} and {@code password}. */
  public static String basic(String login, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (login + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
