package org.opengms.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

  private static final String TOKEN = "[A-Za-z0-9!#$&^_.+-]+";

  /** {@code type/subtype} and optional {@code ; name=value} parameters (RFC 9110 tokens). */
  private static final Pattern MEDIA_TYPE =
      Pattern.compile(TOKEN + "/" + TOKEN + "(\\s*;\\s*" + TOKEN + "=(" + TOKEN + "|\"[^\"]*\"))*");

  private SafeDownloads() {}

  /** Adds the type (a malformed one as {@code application/octet-stream}) and safety headers. */
  public static Response.ResponseBuilder of(
      Response.ResponseBuilder response, String contentType, String fileName) {
    String type = valid(contentType);
    return response
        .type(type)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .header(
            "Content-Disposition",
            disposition(INLINE.contains(essence(type)) ? "inline" : "attachment", fileName));
  }

  /** Whether {@code contentType} is shown inline by {@link #of}. */
  public static boolean isInline(String contentType) {
    return INLINE.contains(essence(valid(contentType)));
  }

  /**
   * The type as given when it is a well-formed media type, else {@code application/octet-stream}.
   */
  private static String valid(String contentType) {
    return contentType != null && MEDIA_TYPE.matcher(contentType.strip()).matches()
        ? contentType.strip()
        : MediaType.APPLICATION_OCTET_STREAM;
  }

  /** {@code type/subtype}, lower case, without parameters. */
  private static String essence(String type) {
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  private static String disposition(String kind, String fileName) {
    String name = fileName == null || fileName.isBlank() ? "file" : fileName;
    String ascii = name.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
