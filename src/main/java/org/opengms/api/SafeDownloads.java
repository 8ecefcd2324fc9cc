package org.opengms.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The headers of a file someone uploaded and someone else downloads: the browser must not guess its
 * type ({@code nosniff}), nor run it ({@code Content-Security-Policy: sandbox}), and it is saved
 * rather than shown ({@code attachment}) unless its type is one browsers show inertly (images but
 * SVG, PDF, plain text).
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

  /** Adds the type (a malformed one as {@code application/octet-stream}) and safety headers. */
  public static Response.ResponseBuilder of(
      Response.ResponseBuilder response, String contentType, String fileName) {
    MediaType type = parsed(contentType);
    String essence = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
    boolean inline = INLINE.contains(essence);
    return response
        .type(type)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .header("Content-Disposition", disposition(inline ? "inline" : "attachment", fileName));
  }

  /** Whether {@code contentType} is shown inline by {@link #of}. */
  public static boolean isInline(String contentType) {
    MediaType type = parsed(contentType);
    return INLINE.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
  }

  private static MediaType parsed(String contentType) {
    try {
      return contentType == null || contentType.isBlank()
          ? MediaType.APPLICATION_OCTET_STREAM_TYPE
          : MediaType.valueOf(contentType);
    } catch (IllegalArgumentException e) {
      return MediaType.APPLICATION_OCTET_STREAM_TYPE;
    }
  }

  private static String disposition(String kind, String fileName) {
    String name = fileName == null || fileName.isBlank() ? "file" : fileName;
    String ascii = name.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
