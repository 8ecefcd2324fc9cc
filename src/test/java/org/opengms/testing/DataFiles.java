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
    Path blobs = dataDir().resolve("blobs");
    if (!Files.isDirectory(blobs)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(blobs)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> size(f) == content.length)
          .filter(f -> Arrays.equals(read(f), content))
          .count();
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
