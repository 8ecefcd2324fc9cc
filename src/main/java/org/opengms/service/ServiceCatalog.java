package org.opengms.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;
import org.opengms.config.SettingsSection;

/** The {@code [service.<name>]} sections, validated: an unknown {@code _type} refuses the file. */
public record ServiceCatalog(
    Map<String, ServiceDefinition> services,
    ResourceGroups resourceGroups,
    AccessCodePrefix accessCodePrefix) {

  public static final String PREFIX = "service.";

  /** The built-in services ({@code _type = builtin}, {@code _service = ...}). */
  public static final Set<String> BUILTIN_SERVICES =
      Set.of(
          BuiltinService.REQUEST_CHAT,
          BuiltinService.REQUEST_CHAT_POLL,
          BuiltinService.REQUEST_INTERACTION,
          BuiltinService.MATCH_INTERACTION,
          BuiltinService.REQUEST_ACCESS,
          BuiltinService.OFFICE_HOURS,
          BuiltinService.CAPACITY,
          BuiltinService.CALLBACK);

  public static ServiceCatalog from(IniDocument doc) {
    ResourceGroups groups = ResourceGroups.from(doc);
    AccessCodePrefix prefix = AccessCodePrefix.from(doc);
    Map<String, ServiceDefinition> services = new LinkedHashMap<>();
    for (IniDocument.Section s : doc.sectionsStartingWith(PREFIX)) {
      String name = s.name().substring(PREFIX.length());
      IniDocument.Option type =
          s.option("_type")
              .orElseThrow(
                  () ->
                      new ConfigurationException(
                          doc.source(), s.line(), "[" + s.name() + "] needs _type"));
      if (!ServiceDefinition.BUILTIN.equals(type.value())
          && !ServiceDefinition.ORS.equals(type.value())) {
        throw new ConfigurationException(
            doc.source(),
            type.line(),
            "unknown _type '" + type.value() + "' (known: builtin, ors)");
      }
      String service = s.value("_service").orElse("");
      if (ServiceDefinition.BUILTIN.equals(type.value()) && !BUILTIN_SERVICES.contains(service)) {
        int line = s.option("_service").map(IniDocument.Option::line).orElse(s.line());
        throw new ConfigurationException(
            doc.source(),
            line,
            "unknown built-in _service '"
                + service
                + "' (known: "
                + String.join(", ", BUILTIN_SERVICES.stream().sorted().toList())
                + ")");
      }
      int ttl = OptionValues.intValue(doc, s.name(), "_ttl", 3600, 1, 31_536_000);
      Map<String, String> options = new LinkedHashMap<>();
      s.options().forEach((k, o) -> options.put(k, o.value()));
      ServiceDefinition definition =
          new ServiceDefinition(
              name, type.value(), service, ttl, java.util.Collections.unmodifiableMap(options));
      BuiltinService.validate(definition, doc, s, groups, prefix);
      services.put(name, definition);
    }
    return new ServiceCatalog(java.util.Collections.unmodifiableMap(services), groups, prefix);
  }

  public Optional<ServiceDefinition> find(String name) {
    return Optional.ofNullable(services.get(name));
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<ServiceCatalog> {
    public Section() {
      super(ServiceCatalog.class, ServiceCatalog::from);
    }
  }
}
