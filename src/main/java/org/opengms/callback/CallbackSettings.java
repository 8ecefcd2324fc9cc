package org.opengms.callback;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;
import org.opengms.config.SettingsSection;

/**
 * {@code [callback]}: engine-wide settings of the callback engine, and defaults for the service
 * options of the same name (a service option wins).
 *
 * @param scanIntervalSeconds how often the scheduler looks for due, expired and unsubmitted
 *     callbacks ({@code scan_interval}, default 5 s): the worst lateness of a scheduled callback
 * @param scanBatch callbacks started per scan and kind ({@code scan_batch}, default 500); the scan
 *     runs again at once while batches come back full
 * @param submitAttempts ORS execution: attempts to submit a callback before it ends {@code
 *     SUBMIT_FAILED} ({@code submit_attempts}, default 3)
 * @param submitRetrySeconds ORS execution: delay between attempts ({@code submit_retry_interval},
 *     default 10 s)
 * @param filterKeys properties {@code GET /1/admin/callback/queues} may filter on ({@code
 *     filter-keys})
 * @param returnedKeys properties added to each entry of that answer ({@code returned-keys})
 * @param defaults every option of the section, as service option defaults
 * @param lists the {@code [tlist.*]} sections services name
 */
public record CallbackSettings(
    int scanIntervalSeconds,
    int scanBatch,
    int submitAttempts,
    int submitRetrySeconds,
    List<String> filterKeys,
    List<String> returnedKeys,
    Map<String, String> defaults,
    TransactionLists lists) {

  public static final String SECTION = "callback";

  public static CallbackSettings from(IniDocument doc) {
    Map<String, String> defaults = new LinkedHashMap<>();
    doc.section(SECTION).ifPresent(s -> s.options().forEach((k, o) -> defaults.put(k, o.value())));
    OptionValues.intValue(doc, SECTION, "max_queued_callbacks_per_service", 1000, -1, 10_000_000);
    CallbackOptionChecks.check(doc);
    return new CallbackSettings(
        OptionValues.intValue(doc, SECTION, "scan_interval", 5, 1, 3600),
        OptionValues.intValue(doc, SECTION, "scan_batch", 500, 1, 100_000),
        OptionValues.intValue(doc, SECTION, "submit_attempts", 3, 1, 100),
        OptionValues.intValue(doc, SECTION, "submit_retry_interval", 10, 1, 86_400),
        list(doc, "filter-keys"),
        list(doc, "returned-keys"),
        Map.copyOf(defaults),
        TransactionLists.from(doc));
  }

  private static List<String> list(IniDocument doc, String key) {
    return doc.section(SECTION)
        .flatMap(s -> s.value(key))
        .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList())
        .orElse(List.of());
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<CallbackSettings> {
    public Section() {
      super(CallbackSettings.class, CallbackSettings::from);
    }
  }
}
