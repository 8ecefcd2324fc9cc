package org.opengms.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Holds the configuration in force. Loaded when the application starts (a file that cannot be used
 * stops the deployment with the file, line and reason) and reloaded when the file changes ({@link
 * ConfigurationWatcher}); a broken edit is refused the same way and the last good version stays in
 * force.
 */
@ApplicationScoped
public class ConfigurationProvider {

  private static final Logger LOG = Logger.getLogger(ConfigurationProvider.class.getName());

  private final AtomicReference<GmsConfiguration> current = new AtomicReference<>();

  /** The text of the file as last read, good or bad, so a broken edit is reported once. */
  private volatile String lastText;

  private volatile Refusal lastRefusal;

  /** A change of the file that was refused: when, and the file:line: reason. */
  public record Refusal(Instant at, String reason) {}

  @PostConstruct
  void load() {
    Source source = read();
    GmsConfiguration loaded = parse(source);
    lastText = source.text();
    install(loaded);
  }

  /** Forces loading at deployment time, so a broken file fails the deployment, not a request. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    current();
  }

  /** The configuration in force now; callers keep it for one request at most. */
  public GmsConfiguration current() {
    return current.get();
  }

  /**
   * Re-reads the file if its text changed. Returns true when a new version was installed; a broken
   * file is logged with its line and the version in force is kept.
   */
  public synchronized boolean reloadIfChanged() {
    if (ConfigurationLocation.configuredPath().isEmpty()) {
      return false; // the built-in default never changes
    }
    Source source;
    try {
      source = read();
    } catch (ConfigurationException e) {
      refuse(e);
      return false;
    }
    if (source.text().equals(lastText)) {
      return false;
    }
    lastText = source.text();
    try {
      install(parse(source));
      lastRefusal = null;
      return true;
    } catch (ConfigurationException e) {
      refuse(e);
      return false;
    }
  }

  /** The last refused change since the version in force was loaded, if any. */
  public Optional<Refusal> lastRefusal() {
    return Optional.ofNullable(lastRefusal);
  }

  private void refuse(ConfigurationException e) {
    lastRefusal = new Refusal(Instant.now(), e.getMessage());
    LOG.severe(
        "Configuration change refused, the previous version stays in force: " + e.getMessage());
  }

  private void install(GmsConfiguration loaded) {
    current.set(loaded);
    LOG.info(() -> "Configuration loaded from " + loaded.document().source());
    UnknownOptions.of(loaded.document()).forEach(LOG::warning);
    loaded.installed();
  }

  private record Source(String name, String text) {}

  private static Source read() {
    Optional<String> path = ConfigurationLocation.configuredPath();
    if (path.isPresent()) {
      Path file = Path.of(path.get()).toAbsolutePath();
      try {
        return new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ConfigurationException(file.toString(), "cannot be read: " + e, e);
      }
    }
    String resource = ConfigurationLocation.DEFAULT_RESOURCE;
    try (InputStream in = ConfigurationProvider.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ConfigurationException(
            resource, "built-in default configuration is missing", null);
      }
      return new Source(
          ConfigurationLocation.BUILT_IN + resource,
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigurationException(resource, "cannot be read: " + e, e);
    }
  }

  private static GmsConfiguration parse(Source source) {
    try {
      return new GmsConfiguration(IniParser.parse(source.name(), new StringReader(source.text())));
    } catch (IOException e) {
      throw new ConfigurationException(source.name(), "cannot be read: " + e, e);
    }
  }
}
