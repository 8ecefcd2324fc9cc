package org.opengms.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.opengms.api.SafeDownloads;
import org.opengms.config.ConfigurationProvider;
import org.opengms.persistence.files.BlobStore;
import org.opengms.persistence.group.GroupCommit;

/**
 * Ties posted forms, the {@link StorageService} transaction and the {@link BlobStore} files
 * together: staged files of a refused request are deleted, and files a committed request no longer
 * references are deleted after the commit.
 */
@ApplicationScoped
public class StorageUploads {

  @Inject StorageService storage;
  @Inject GroupCommit groupCommit;
  @Inject FormReader forms;
  @Inject BlobStore blobs;
  @Inject ConfigurationProvider configuration;

  public List<FormField> read(MultivaluedMap<String, String> form) {
    return forms.read(form, configuration.current());
  }

  public List<FormField> read(List<EntityPart> parts) {
    return forms.read(parts, configuration.current());
  }

  /**
   * A new area, committed together with the creates of concurrent requests ({@link GroupCommit}):
   * the keys are checked first, so that a refused request does not make its group run again.
   */
  public StorageCreatedResponse create(int ttlSeconds, List<FormField> fields) {
    Instant expiresAt = Instant.now().plusSeconds(ttlSeconds);
    return new StorageCreatedResponse(
        storing(
            fields,
            () -> {
              StorageService.requireValidKeys(fields);
              return groupCommit.run(() -> storage.create(expiresAt, fields));
            }));
  }

  /** Merges into area {@code id}, creating it under that id when it does not exist. */
  public void put(String id, int ttlSeconds, List<FormField> fields) {
    blobs.deleteAll(storing(fields, () -> storage.put(id, ttlSeconds, fields)));
  }

  public void update(String id, Instant expiresAt, List<FormField> fields) {
    blobs.deleteAll(storing(fields, () -> storage.update(id, expiresAt, fields)));
  }

  /** Runs a transaction that stores {@code fields}; if it fails, their staged files go. */
  public <T> T storing(List<FormField> fields, Supplier<T> transaction) {
    try {
      return transaction.get();
    } catch (RuntimeException e) {
      forms.discard(fields);
      throw e;
    }
  }

  /** Deletes the staged files of a request that was refused before reaching storage. */
  public void discard(List<FormField> fields) {
    forms.discard(fields);
  }

  public void deleteFiles(List<String> blobIds) {
    blobs.deleteAll(blobIds);
  }

  /** Streams a stored value: a file with its type and name, a text value as text. */
  public Response download(StoredValue value) {
    if (value instanceof StoredValue.Text text) {
      return Response.ok(text.value(), "text/plain;charset=UTF-8").build();
    }
    StoredValue.Binary binary = (StoredValue.Binary) value;
    StreamingOutput body =
        out -> {
          try (InputStream in = blobs.open(binary.blobId())) {
            in.transferTo(out);
          }
        };
    Response.ResponseBuilder response =
        SafeDownloads.of(
            Response.ok(body, binary.contentType()), binary.contentType(), binary.fileName());
    if (binary.size() >= 0) {
      response.header("Content-Length", binary.size());
    }
    return response.build();
  }
}
