package org.opengms.persistence.files;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.opengms.api.error.PayloadTooLargeException;
import org.opengms.persistence.DataDirectory;

/**
 * Uploaded files, kept as plain files under {@link DataDirectory#blobs()} (shared by the nodes of a
 * cluster) and streamed in and out, so a large file never sits in the heap. The database row of a
 * binary key holds the blob's id.
 */
@ApplicationScoped
public class BlobStore {

  private static final Logger LOG = Logger.getLogger(BlobStore.class.getName());
  private static final Pattern BLOB_ID = Pattern.compile("[0-9a-f-]{36}");

  private Path root;

  @PostConstruct
  void init() {
    root = DataDirectory.blobs();
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + root, e);
    }
  }

  /** Copies {@code content} into a new blob; more than {@code maxBytes} is refused with 413. */
  public StagedBlob write(InputStream content, long maxBytes) {
    String id = UUID.randomUUID().toString();
    Path file = path(id);
    long size = 0;
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
              FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
          size += n;
          if (size > maxBytes) {
            throw new PayloadTooLargeException(
                "Uploaded file exceeds the limit of " + maxBytes + " bytes");
          }
          out.write(buffer, 0, n);
        }
        // On disk before the caller commits the row naming it: a 2xx never points at lost bytes.
        channel.force(true);
      }
      syncDirectory(file.getParent());
      return new StagedBlob(id, size);
    } catch (IOException | RuntimeException e) {
      delete(id);
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw new UncheckedIOException("Cannot store upload", (IOException) e);
    }
  }

  /** Makes the new directory entry durable too (Linux allows fsync of a directory). */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open a directory; the file's own fsync is what they offer.
    }
  }

  public InputStream open(String id) throws IOException {
    return Files.newInputStream(path(id));
  }

  public void delete(String id) {
    try {
      Files.deleteIfExists(path(id));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not delete blob " + id, e);
    }
  }

  public void deleteAll(Collection<String> ids) {
    ids.forEach(this::delete);
  }

  /**
   * Hands the ids of blobs last written before {@code cutoff} to {@code batch}, {@code size} at a
   * time, walking the directory lazily (a large store is never listed in memory at once).
   */
  public void forEachOlderThan(Instant cutoff, int size, Consumer<List<String>> batch) {
    List<String> ids = new ArrayList<>(size);
    try (Stream<Path> files = Files.walk(root, 2)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String id = file.getFileName().toString();
        if (BLOB_ID.matcher(id).matches() && lastWritten(file).isBefore(cutoff)) {
          ids.add(id);
          if (ids.size() == size) {
            batch.accept(List.copyOf(ids));
            ids.clear();
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.log(Level.WARNING, "Could not list the blobs under " + root, e);
    }
    if (!ids.isEmpty()) {
      batch.accept(List.copyOf(ids));
    }
  }

  private static Instant lastWritten(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return Instant.MAX; // gone meanwhile, or unreadable: not ours to delete now
    }
  }

  private Path path(String id) {
    if (!BLOB_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("Not a blob id: " + id);
    }
    return root.resolve(id.substring(0, 2)).resolve(id);
  }
}
