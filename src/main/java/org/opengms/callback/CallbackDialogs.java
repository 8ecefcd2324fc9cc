package org.opengms.callback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON dialogs of "Callback Push Notifications for Android/iOS", with our URLs filled in:
 * {@code $(ExtURLBase)} is the server's base ({@code http://host:port/genesys}), {@code
 * $(ServiceID)} the callback id, {@code $(CometURL)} our CometD endpoint, {@code $(GMSUser)} the
 * customer's {@code gms_user}.
 */
final class CallbackDialogs {

  private CallbackDialogs() {}

  static Map<String, Object> userConfirmation(
      String base, String id, boolean provideCode, Instant expires) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("_dialog_id", "0");
    d.put("_label", "Agent is available right now");
    d.put("_user_action_url", base + "/1/service/" + id + "/not-used");
    d.put("_method", "POST");
    d.put("_action", "DisplayMenu");
    d.put("_expires", CallbackViews.time(expires));
    d.put("_resource_url", base + "/1/service/" + id + "/get-dialog-user-confirmation");
    Map<String, Object> yes = item("1", "Yes, I'm ready to talk", base, id, "connect");
    if (provideCode) {
      Map<String, Object> confirmation = new LinkedHashMap<>();
      confirmation.put(
          "_text", "You will hear tones immediately after call is connected. This is normal.");
      confirmation.put("_dialog_type", "Notification");
      confirmation.put("_dismiss_timeout", 2);
      yes.put("_confirmation_dialog", confirmation);
    }
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("_group_name", "Are you ready?");
    group.put(
        "_group_content",
        List.of(
            yes,
            item("2", "No, try again in 5 minutes", base, id, "snooze"),
            item("3", "Cancel, my problem has been solved", base, id, "cancel")));
    d.put("_content", List.of(group));
    return d;
  }

  private static Map<String, Object> item(
      String dialogId, String label, String base, String id, String request) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_dialog_id", dialogId);
    m.put("_label", label);
    m.put("_action", "MenuItem");
    m.put("_user_action_url", base + "/1/service/" + id + "/" + request);
    m.put("_method", "POST");
    m.put("_id_to_jump_before", "exit://");
    return m;
  }

  static Map<String, Object> startChat(String base, String id, String gmsUser) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("_dialog_id", "1");
    d.put("_action", "StartChat");
    d.put("_label", "Start Chat");
    d.put("_start_chat_url", base + "/1/service/" + id + "/ixn/chat");
    d.put("_comet_url", base + "/cometd");
    d.put("_user_header", gmsUser == null ? "" : gmsUser);
    d.put("_id_to_jump_before", "exit://");
    d.put("_chat_parameters", Map.of("subject", "None"));
    d.put("_id", id);
    return d;
  }

  static Map<String, Object> connectInbound(String id, String accessNumber, String accessCode) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("_dialog_id", "0");
    d.put("_label", "Connecting ...");
    d.put("_action", "DialNumber");
    d.put("_tel_url", accessNumber == null ? "n/a" : "tel:" + accessNumber);
    d.put("_access_code", accessCode == null ? "n/a" : accessCode);
    d.put("_id", id);
    return d;
  }

  static Map<String, Object> connectOutbound(String id) {
    return CallbackViews.confirmation(id, "You will receive the call shortly");
  }

  static Map<String, Object> waitForAgent(String id) {
    return CallbackViews.confirmation(id, "We will notify you when agent is available");
  }
}
