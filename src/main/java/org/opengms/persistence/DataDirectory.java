package org.opengms.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory where the server keeps its data (the embedded H2 database, uploaded files): system
 * property {@code gms.data.dir}, else environment variable {@code GMS_DATA_DIR}, else {@code
 * ~/.opengms/data}.
 */
public final class DataDirectory {

  public static final String PROPERTY = "gms.data.dir";
  public static final String ENVIRONMENT = "GMS_DATA_DIR";

  private DataDirectory() {}

  public static Path root() {
    String configured = System.getProperty(PROPERTY);
    if (configured == null || configured.isBlank()) {
      configured = System.getenv(ENVIRONMENT);
    }
    Path dir =
        configured == null || configured.isBlank()
            ? Path.of(System.getProperty("user.home"), ".opengms", "data")
            : Path.of(configured);
    dir = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create data directory " + dir, e);
    }
    return dir;
  }
}
