package org.opengms.api;

import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengms.api.error.PayloadTooLargeException;
import org.opengms.config.GmsConfiguration;

/**
 * The text fields of a posted form (URL-encoded or multipart; files are skipped), within the {@code
 * [storage]} limits on keys and value size. The first value of a repeated name wins.
 */
public final class FormParameters {

  private FormParameters() {}

  public static Map<String, String> of(
      MultivaluedMap<String, String> form, GmsConfiguration config) {
    if (form == null) {
      return Map.of(); // a body-less POST that Jersey hands to a form method as a null entity
    }
    checkCount(form.size(), config);
    Map<String, String> params = new LinkedHashMap<>();
    form.forEach(
        (name, values) -> {
          String value = values.isEmpty() ? "" : values.get(0);
          if (value.getBytes(StandardCharsets.UTF_8).length
              > config.get(FormLimits.class).maxValueBytes()) {
            throw tooLarge(name, config);
          }
          params.put(name, value);
        });
    return params;
  }

  public static Map<String, String> of(List<EntityPart> parts, GmsConfiguration config) {
    if (parts == null) {
      return Map.of();
    }
    checkCount(parts.size(), config);
    Map<String, String> params = new LinkedHashMap<>();
    for (EntityPart part : parts) {
      if (part.getName() == null
          || part.getFileName().isPresent()
          || params.containsKey(part.getName())) {
        continue;
      }
      params.put(part.getName(), readText(part, config));
    }
    return params;
  }

  /** Reads one text part, refusing more than {@code [storage] max_value_bytes}. */
  public static String readText(EntityPart part, GmsConfiguration config) {
    int max = config.get(FormLimits.class).maxValueBytes();
    try (InputStream in = part.getContent()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        if (out.size() > max) {
          throw tooLarge(part.getName(), config);
        }
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void checkCount(int count, GmsConfiguration config) {
    if (count > config.get(FormLimits.class).maxKeys()) {
      throw new PayloadTooLargeException(
          "Too many keys: "
              + count
              + " (the limit is "
              + config.get(FormLimits.class).maxKeys()
              + ")");
    }
  }

  private static PayloadTooLargeException tooLarge(String name, GmsConfiguration config) {
    return new PayloadTooLargeException(
        "Value of key '"
            + name
            + "' exceeds the limit of "
            + config.get(FormLimits.class).maxValueBytes()
            + " bytes");
  }
}
