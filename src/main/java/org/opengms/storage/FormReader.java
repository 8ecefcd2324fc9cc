package org.opengms.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengms.api.error.PayloadTooLargeException;
import org.opengms.config.GmsConfiguration;

/**
 * Turns a posted form (URL-encoded or multipart) into {@link FormField}s within the configured
 * limits. Files are streamed into the {@link BlobStore}; if the form is refused, every file it had
 * staged is deleted again.
 */
@ApplicationScoped
public class FormReader {

  @Inject BlobStore blobs;

  public List<FormField> read(MultivaluedMap<String, String> form, GmsConfiguration config) {
    StorageSettings limits = config.storage();
    List<FormField> fields = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : form.entrySet()) {
      String value = e.getValue().isEmpty() ? "" : e.getValue().get(0);
      checkValueSize(e.getKey(), value.getBytes(StandardCharsets.UTF_8).length, limits);
      fields.add(new FormField.Text(e.getKey(), value));
    }
    checkKeyCount(fields.size(), limits);
    return fields;
  }

  public List<FormField> read(List<EntityPart> parts, GmsConfiguration config) {
    StorageSettings limits = config.storage();
    long budget = config.server().maxRequestBytes();
    List<FormField> fields = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    try {
      checkKeyCount(parts.size(), limits);
      for (EntityPart part : parts) {
        String name = part.getName();
        if (name == null || !seen.add(name)) {
          continue; // like a servlet's getParameter: the first part of a name wins
        }
        if (part.getFileName().isPresent()) {
          StagedBlob blob = blobs.write(part.getContent(), Math.max(budget, 0));
          budget -= blob.size();
          fields.add(
              new FormField.File(
                  name, part.getFileName().get(), part.getMediaType().toString(), blob));
        } else {
          byte[] bytes = readBounded(part.getContent(), limits.maxValueBytes(), name);
          budget -= bytes.length;
          fields.add(new FormField.Text(name, new String(bytes, StandardCharsets.UTF_8)));
        }
      }
      return fields;
    } catch (RuntimeException e) {
      discard(fields);
      throw e;
    }
  }

  /** Deletes the staged files of a form that was not stored. */
  public void discard(List<FormField> fields) {
    for (FormField f : fields) {
      if (f instanceof FormField.File file) {
        blobs.delete(file.blob().id());
      }
    }
  }

  private static byte[] readBounded(InputStream in, int max, String name) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        if (out.size() > max) {
          throw tooLarge(name, max);
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void checkValueSize(String name, int size, StorageSettings limits) {
    if (size > limits.maxValueBytes()) {
      throw tooLarge(name, limits.maxValueBytes());
    }
  }

  private static PayloadTooLargeException tooLarge(String name, int max) {
    return new PayloadTooLargeException(
        "Value of key '" + name + "' exceeds the limit of " + max + " bytes");
  }

  private static void checkKeyCount(int count, StorageSettings limits) {
    if (count > limits.maxKeys()) {
      throw new PayloadTooLargeException(
          "Too many keys: " + count + " (the limit is " + limits.maxKeys() + ")");
    }
  }
}
