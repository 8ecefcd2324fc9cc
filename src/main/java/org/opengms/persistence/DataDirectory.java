package org.opengms.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opengms.config.LaunchSetting;

/**
 * The directory where the server keeps its data (the embedded H2 database, uploaded files): system
 * property {@code gms.data.dir}, else environment variable {@code GMS_DATA_DIR}, else {@code
 * ~/.opengms/data}.
 */
public final class DataDirectory {

  public static final String PROPERTY = "gms.data.dir";
  public static final String ENVIRONMENT = "GMS_DATA_DIR";
  public static final String BLOB_PROPERTY = "gms.blob.dir";
  public static final String BLOB_ENVIRONMENT = "GMS_BLOB_DIR";

  private DataDirectory() {}

  public static Path root() {
    Path dir =
        LaunchSetting.of(PROPERTY, ENVIRONMENT)
            .map(Path::of)
            .orElseGet(() -> Path.of(System.getProperty("user.home"), ".opengms", "data"));
    dir = dir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create data directory " + dir, e);
    }
    return dir;
  }

  /**
   * Where uploaded files (storage and service storage binaries, chat files) are kept: system
   * property {@code gms.blob.dir}, else environment variable {@code GMS_BLOB_DIR}, else {@code
   * <data dir>/blobs}. The nodes of a cluster must all name one shared directory (docs/cluster.md).
   */
  public static Path blobs() {
    return LaunchSetting.of(BLOB_PROPERTY, BLOB_ENVIRONMENT)
        .map(dir -> Path.of(dir).toAbsolutePath().normalize())
        .orElseGet(() -> root().resolve("blobs"));
  }
}
