package org.opengms.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/** Looks into the server's data directory (same machine) to check what is kept on disk. */
public final class DataFiles {

  private DataFiles() {}

  public static Path dataDir() {
    return Path.of(System.getProperty("gms.it.data.dir", "target/it-data"));
  }

  /** How many stored upload files have exactly {@code content}. */
  public static long blobsWithContent(byte[] content) {
    return blobFilesWithContent(content).size();
  }

  /** The stored upload files with exactly {@code content}. */
  public static java.util.List<Path> blobFilesWithContent(byte[] content) {
    Path blobs = dataDir().resolve("blobs");
    if (!Files.isDirectory(blobs)) {
      return java.util.List.of();
    }
    try (Stream<Path> files = Files.walk(blobs)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> size(f) == content.length)
          .filter(f -> Arrays.equals(read(f), content))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a file where the server keeps uploads, as a crash would leave one: no key refers to it.
   */
  public static Path strayBlob(byte[] content) {
    String id = java.util.UUID.randomUUID().toString();
    Path file = dataDir().resolve("blobs").resolve(id.substring(0, 2)).resolve(id);
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes {@code file} look last written {@code age} ago. */
  public static void age(Path file, java.time.Duration age) {
    try {
      Files.setLastModifiedTime(
          file, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(age)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      return -1; // deleted meanwhile by the sweep
    }
  }

  private static byte[] read(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
