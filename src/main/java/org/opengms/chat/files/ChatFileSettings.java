package org.opengms.chat.files;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;
import org.opengms.config.SettingsSection;
import org.opengms.service.ServiceDefinition;

/**
 * {@code [chat] file_*}: the server-wide limits of chat file transfer. A chat service overrides any
 * of them for its own chats with the same name prefixed {@code _chat_} ({@code
 * _chat_file_max_files} ...); every value is checked when the file loads.
 *
 * @param limits the server-wide limits
 * @param byService the limits of each service section, overrides applied (service name → limits)
 * @param sweepIntervalSeconds how often files of chats past their retention are removed ({@code
 *     file_sweep_interval}, default 60 s)
 */
public record ChatFileSettings(
    ChatFileLimits limits, int sweepIntervalSeconds, Map<String, ChatFileLimits> byService) {

  static final String SECTION = "chat";
  private static final String SERVICE_PREFIX = "_chat_";

  static final String MAX_FILES = "file_max_files";
  static final String MAX_FILE_SIZE = "file_max_file_size";
  static final String MAX_TOTAL_SIZE = "file_max_total_size";
  static final String TYPES = "file_types";
  static final String DOWNLOAD_ATTEMPTS = "file_download_attempts";
  static final String NEED_AGENT = "file_need_agent";
  static final String DELETE = "file_delete";
  static final String RETENTION = "file_retention";

  private static final long MAX_BYTES = 1L << 40;
  private static final int MAX_RETENTION = 365 * 86_400;

  public static ChatFileSettings from(IniDocument doc) {
    ChatFileLimits defaults =
        new ChatFileLimits(
            10,
            10L << 20,
            50L << 20,
            List.of("jpg", "jpeg", "png", "gif", "pdf", "txt"),
            100,
            false,
            true,
            86_400);
    ChatFileLimits limits = read(doc, SECTION, "", defaults);
    Map<String, ChatFileLimits> byService = new HashMap<>();
    for (IniDocument.Section s : doc.sectionsStartingWith("service.")) {
      // a bad override refuses the file at load time
      byService.put(
          s.name().substring("service.".length()), read(doc, s.name(), SERVICE_PREFIX, limits));
    }
    return new ChatFileSettings(
        limits,
        OptionValues.intValue(doc, SECTION, "file_sweep_interval", 60, 1, 86_400),
        Map.copyOf(byService));
  }

  /** The limits of chats of {@code service} (when still configured): overrides, else ours. */
  public ChatFileLimits limits(Optional<ServiceDefinition> service) {
    return service.map(d -> byService.getOrDefault(d.name(), limits)).orElse(limits);
  }

  private static ChatFileLimits read(
      IniDocument doc, String section, String prefix, ChatFileLimits fallback) {
    return new ChatFileLimits(
        OptionValues.intValue(doc, section, prefix + MAX_FILES, fallback.maxFiles(), 0, 10_000),
        OptionValues.longValue(
            doc, section, prefix + MAX_FILE_SIZE, fallback.maxFileSize(), 1, MAX_BYTES),
        OptionValues.longValue(
            doc, section, prefix + MAX_TOTAL_SIZE, fallback.maxTotalSize(), 1, MAX_BYTES),
        types(doc, section, prefix + TYPES).orElse(fallback.types()),
        OptionValues.intValue(
            doc, section, prefix + DOWNLOAD_ATTEMPTS, fallback.downloadAttempts(), 0, 1_000_000),
        OptionValues.booleanValue(doc, section, prefix + NEED_AGENT, fallback.needAgent()),
        OptionValues.booleanValue(doc, section, prefix + DELETE, fallback.deleteEnabled()),
        OptionValues.intValue(
            doc, section, prefix + RETENTION, fallback.retentionSeconds(), 0, MAX_RETENTION));
  }

  /** {@code jpg:png:pdf} (colons, commas or spaces between), lower case, without dots. */
  private static Optional<List<String>> types(IniDocument doc, String section, String key) {
    Optional<IniDocument.Option> option = doc.section(section).flatMap(s -> s.option(key));
    if (option.isEmpty() || option.get().value().isBlank()) {
      return Optional.empty();
    }
    List<String> types =
        Arrays.stream(option.get().value().split("[:,\\s]+"))
            .map(t -> t.strip().toLowerCase(Locale.ROOT))
            .map(t -> t.startsWith(".") ? t.substring(1) : t)
            .filter(t -> !t.isEmpty())
            .distinct()
            .toList();
    for (String t : types) {
      if (!t.matches("[a-z0-9]{1,16}")) {
        throw new ConfigurationException(
            doc.source(),
            option.get().line(),
            "[" + section + "] " + key + ": '" + t + "' is not a file extension");
      }
    }
    return Optional.of(types);
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<ChatFileSettings> {
    public Section() {
      super(ChatFileSettings.class, ChatFileSettings::from);
    }
  }
}
