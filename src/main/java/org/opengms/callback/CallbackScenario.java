package org.opengms.callback;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How one callback runs, as GMS's callback strategies read it: each parameter from the request (a
 * callback's properties) when it gives one, else the service option, else the {@code [callback]}
 * section. Values that mean nothing to GMS are refused (400) when the callback is started.
 *
 * @param chat {@code _media_type = chat} (else {@code voice})
 * @param userOriginated {@code _call_direction = USERORIGINATED}: the customer dials in ({@code
 *     connect-inbound}); {@code USERTERMINATED} (default): the agent calls the customer; without
 *     the parameter a service with {@code _access_number} is user-originated
 * @param waitForAgent {@code _wait_for_agent}: the customer is told to wait and notified when an
 *     agent takes the callback
 * @param confirm {@code _wait_for_user_confirm} (also the older {@code _user_confirm}): the "Are
 *     you ready?" menu before connecting
 * @param provideCode {@code _provide_code}: the menu warns of the access code's tones
 */
record CallbackScenario(
    boolean chat,
    boolean userOriginated,
    boolean waitForAgent,
    boolean confirm,
    boolean provideCode) {

  static final String MEDIA_TYPE = "_media_type";
  static final String CALL_DIRECTION = "_call_direction";
  static final String WAIT_FOR_AGENT = "_wait_for_agent";
  static final String WAIT_FOR_USER_CONFIRM = "_wait_for_user_confirm";
  static final String PROVIDE_CODE = "_provide_code";

  /** The scenario of {@code options} as seen by the request / callback properties they hold. */
  static CallbackScenario of(CallbackOptions options) {
    return of(options, options.request());
  }

  static CallbackScenario of(CallbackOptions options, Map<String, String> request) {
    String media = value(options, request, MEDIA_TYPE).orElse("voice").toLowerCase(Locale.ROOT);
    if (!media.equals("voice") && !media.equals("chat")) {
      throw new CallbackException(
          MEDIA_TYPE
              + " must be voice or chat, not '"
              + value(options, request, MEDIA_TYPE).get()
              + "'");
    }
    Optional<String> direction =
        value(options, request, CALL_DIRECTION).map(v -> v.toUpperCase(Locale.ROOT));
    if (direction.isPresent()
        && !direction.get().equals("USERORIGINATED")
        && !direction.get().equals("USERTERMINATED")) {
      throw new CallbackException(
          CALL_DIRECTION
              + " must be USERORIGINATED or USERTERMINATED, not '"
              + value(options, request, CALL_DIRECTION).get()
              + "'");
    }
    boolean inbound =
        direction.map("USERORIGINATED"::equals).orElse(options.get("_access_number").isPresent());
    boolean confirm =
        value(options, request, WAIT_FOR_USER_CONFIRM).isPresent()
            ? flag(options, request, WAIT_FOR_USER_CONFIRM)
            : flag(options, request, "_user_confirm");
    return new CallbackScenario(
        media.equals("chat"),
        inbound,
        flag(options, request, WAIT_FOR_AGENT),
        confirm,
        flag(options, request, PROVIDE_CODE));
  }

  /** The device action when an agent takes the callback. */
  String actionOnAccept() {
    if (confirm) {
      return "get-dialog-user-confirmation-provide_code-" + provideCode;
    }
    return connectAction();
  }

  /** The action that connects the customer: start the chat, dial in, or wait for the call. */
  String connectAction() {
    if (chat) {
      return "get-dialog-start-chat";
    }
    return userOriginated ? "connect-inbound" : "connect-outbound";
  }

  private static Optional<String> value(
      CallbackOptions options, Map<String, String> request, String key) {
    String v = request == null ? null : request.get(key);
    if (v != null && !v.isBlank()) {
      return Optional.of(v.strip());
    }
    return options.get(key);
  }

  private static boolean flag(CallbackOptions options, Map<String, String> request, String key) {
    Optional<String> v = value(options, request, key);
    if (v.isEmpty()) {
      return false;
    }
    String s = v.get().toLowerCase(Locale.ROOT);
    if (!s.equals("true") && !s.equals("false")) {
      throw new CallbackException(key + " must be true or false, not '" + v.get() + "'");
    }
    return s.equals("true");
  }
}
