package org.opengms.callback;

import org.opengms.config.GmsConfiguration;

/**
 * Pause lists: the service's {@code _paused_services_list} names a transaction list whose {@code
 * [tlist.<list>.services]} section sets {@code <service name | _paused_services_id | all> = true}
 * to pause it. Callbacks of a paused service that become due wait in PAUSED.
 */
final class CallbackPauses {

  private CallbackPauses() {}

  static boolean isPaused(GmsConfiguration config, CallbackOptions options) {
    String list = options.get("_paused_services_list").orElse(null);
    if (list == null) {
      return false;
    }
    var section = config.get(CallbackSettings.class).lists().part(list, "services");
    if (section.isEmpty()) {
      return false;
    }
    String id = options.get("_paused_services_id").orElse(null);
    for (String key : new String[] {options.definition().name(), id, "all"}) {
      if (key != null && Boolean.parseBoolean(section.get().get(key))) {
        return true;
      }
    }
    return false;
  }
}
