package org.opengms.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The running server's configuration file (it-gms.ini), edited by a test and restored when the test
 * closes it. The server notices edits within its config_check_interval (1 s in tests).
 */
public final class ItConfigFile implements AutoCloseable {

  private final Path file = Path.of(System.getProperty("gms.it.config"));
  private final String original;

  public ItConfigFile() {
    try {
      original = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String original() {
    return original;
  }

  /** Writes {@code edit} applied to the original text. */
  public void write(UnaryOperator<String> edit) {
    try {
      Files.writeString(file, edit.apply(original));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    write(UnaryOperator.identity());
  }
}
