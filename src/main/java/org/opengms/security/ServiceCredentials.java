package org.opengms.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opengms.config.IniDocument;
import org.opengms.config.SettingsSection;

/**
 * The HTTP Basic pair a request must carry: {@code username}/{@code password} of the {@code
 * [service.<name>]} section, each falling back to the {@code [server]} one; none when no password
 * applies. Read once per configuration version.
 *
 * @param server the pair of requests not addressed to a named service
 * @param byService the pair of each service section (service name → pair)
 */
public record ServiceCredentials(Pair server, Map<String, Pair> byService) {

  /** A login and its password (plain or PBKDF2); no password means no check. */
  public record Pair(String username, Optional<String> password) {}

  public static ServiceCredentials from(IniDocument doc) {
    Optional<IniDocument.Section> server = doc.section("server");
    Pair serverPair = new Pair(value(server, "username").orElse(""), value(server, "password"));
    Map<String, Pair> byService = new HashMap<>();
    for (IniDocument.Section s : doc.sectionsStartingWith("service.")) {
      Optional<IniDocument.Section> own = Optional.of(s);
      byService.put(
          s.name().substring("service.".length()),
          new Pair(
              value(own, "username").orElse(serverPair.username()),
              value(own, "password").or(serverPair::password)));
    }
    return new ServiceCredentials(serverPair, Map.copyOf(byService));
  }

  /** The pair in force for {@code service} (null or unknown: the {@code [server]} pair). */
  public Pair of(String service) {
    return service == null ? server : byService.getOrDefault(service, server);
  }

  private static Optional<String> value(Optional<IniDocument.Section> section, String key) {
    return section.flatMap(s -> s.value(key)).filter(v -> !v.isEmpty());
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<ServiceCredentials> {
    public Section() {
      super(ServiceCredentials.class, ServiceCredentials::from);
    }
  }
}
