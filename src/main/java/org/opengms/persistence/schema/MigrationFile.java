package org.opengms.persistence.schema;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.flywaydb.core.api.resource.LoadableResource;

/** One migration script, read from the WAR's class loader (no file system or VFS path needed). */
final class MigrationFile extends LoadableResource {

  private final ClassLoader loader;
  private final String path;

  /** {@code path}: the class path resource, e.g. {@code db/migration/h2/V1__baseline.sql}. */
  MigrationFile(ClassLoader loader, String path) {
    this.loader = loader;
    this.path = path;
  }

  @Override
  public Reader read() {
    InputStream in = loader.getResourceAsStream(path);
    if (in == null) {
      throw new UncheckedIOException(
          new FileNotFoundException("Migration missing from the WAR: " + path));
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  @Override
  public String getAbsolutePath() {
    return path;
  }

  @Override
  public String getAbsolutePathOnDisk() {
    return path;
  }

  @Override
  public String getFilename() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The file name alone: it is what the history table's {@code script} column records. */
  @Override
  public String getRelativePath() {
    return getFilename();
  }
}
