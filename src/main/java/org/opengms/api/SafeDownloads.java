package org.opengms.api;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * How user files (storage binaries, chat files) are served so that none runs as a page of our
 * origin: {@code X-Content-Type-Options: nosniff} (the browser keeps the declared type), {@code
 * Content-Security-Policy: sandbox} (opened directly, a file is a sandboxed page without scripts or
 * our cookies), and {@code Content-Disposition: attachment} unless the type is one browsers show
 * without running anything: raster images, PDF, plain text. SVG, HTML and the like are downloaded,
 * never shown inline.
 */
public final class SafeDownloads {

  private static final Set<String> INLINE =
      Set.of(
          "image/png",
          "image/jpeg",
          "image/gif",
          "image/webp",
          "image/bmp",
          "image/avif",
          "application/pdf",
          "text/plain");

  private SafeDownloads() {}

  /** Adds the headers to {@code response}, which serves a file of {@code contentType}. */
  public static Response.ResponseBuilder of(
      Response.ResponseBuilder response, String contentType, String fileName) {
    return response
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .header(
            "Content-Disposition",
            (isInline(contentType) ? "inline" : "attachment") + fileNameParameters(fileName));
  }

  /** Whether a file of this type may be shown in the browser rather than downloaded. */
  public static boolean isInline(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String bare = (semicolon < 0 ? contentType : contentType.substring(0, semicolon));
    return INLINE.contains(bare.strip().toLowerCase(Locale.ROOT));
  }

  private static String fileNameParameters(String fileName) {
    if (fileName == null || fileName.isEmpty()) {
      return "";
    }
    String ascii = fileName.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
