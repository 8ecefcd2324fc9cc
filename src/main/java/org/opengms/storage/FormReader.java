package org.opengms.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opengms.api.FormParameters;
import org.opengms.config.GmsConfiguration;
import org.opengms.persistence.files.BlobStore;
import org.opengms.persistence.files.StagedBlob;

/**
 * Turns a posted form (URL-encoded or multipart) into {@link FormField}s within the configured
 * limits. Files are streamed into the {@link BlobStore}; if the form is refused, every file it had
 * staged is deleted again.
 */
@ApplicationScoped
public class FormReader {

  @Inject BlobStore blobs;

  public List<FormField> read(MultivaluedMap<String, String> form, GmsConfiguration config) {
    List<FormField> fields = new ArrayList<>();
    FormParameters.of(form, config).forEach((k, v) -> fields.add(new FormField.Text(k, v)));
    return fields;
  }

  public List<FormField> read(List<EntityPart> parts, GmsConfiguration config) {
    long budget = config.server().maxRequestBytes();
    List<FormField> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try {
      FormParameters.checkCount(parts.size(), config);
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
                  name,
                  FileNames.safe(part.getFileName().get()),
                  part.getMediaType().toString(),
                  blob));
        } else {
          String value = FormParameters.readText(part, config);
          budget -= value.length();
          fields.add(new FormField.Text(name, value));
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
}
