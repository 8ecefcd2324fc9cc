package org.opengms.callback;

import java.util.Map;

/**
 * The dialog an immediate start answers, by scenario (docs/callback.md, "Scenarios"): chat now →
 * {@code StartChat}; voice now, user-originated → {@code DialNumber}; voice now, user-terminated →
 * "You will receive the call shortly"; any scenario with {@code _wait_for_agent} → "We will notify
 * you when agent is available" (the device is told when an agent takes it).
 */
final class CallbackStartDialogs {

  private CallbackStartDialogs() {}

  static Map<String, Object> of(
      CallbackScenario scenario, CallbackOptions options, String base, String id, String gmsUser) {
    if (scenario.waitForAgent()) {
      return CallbackDialogs.waitForAgent(id);
    }
    if (scenario.chat()) {
      return CallbackDialogs.startChat(base, id, gmsUser);
    }
    if (scenario.userOriginated()) {
      return CallbackDialogs.connectInbound(
          id, options.get("_access_number").orElse(null), options.get("_access_code").orElse(null));
    }
    return CallbackDialogs.connectOutbound(id);
  }

  /** {@code http://host:port/genesys} from the API base {@code http://host:port/genesys/1}. */
  static String dialogBase(String apiBase) {
    return apiBase.replaceAll("/+$", "").replaceAll("/\\d+$", "");
  }
}
