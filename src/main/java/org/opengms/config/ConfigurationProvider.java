package org.opengms.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Holds the configuration in force. Loaded when the application starts; a file that cannot be used
 * stops the deployment with the file, line and reason.
 */
@ApplicationScoped
public class ConfigurationProvider {

  private static final Logger LOG = Logger.getLogger(ConfigurationProvider.class.getName());

  private final AtomicReference<GmsConfiguration> current = new AtomicReference<>();

  @PostConstruct
  void load() {
    current.set(read());
    LOG.info(() -> "Configuration loaded from " + current.get().document().source());
  }

  /** Forces loading at deployment time, so a broken file fails the deployment, not a request. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    current();
  }

  /** The configuration in force now; callers keep it for one request at most. */
  public GmsConfiguration current() {
    return current.get();
  }

  static GmsConfiguration read() {
    Optional<String> path = ConfigurationLocation.configuredPath();
    if (path.isPresent()) {
      Path file = Path.of(path.get()).toAbsolutePath();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        return new GmsConfiguration(IniParser.parse(file.toString(), reader));
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
      return new GmsConfiguration(
          IniParser.parse(
              "built-in " + resource, new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new ConfigurationException(resource, "cannot be read: " + e, e);
    }
  }
}
