package org.opengms.callback;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengms.api.error.InvalidRequestException;

/** Query-Callback: {@code GET /1/service/callback[/<name>]?prop=value...}. */
@ApplicationScoped
public class CallbackSearch {

  @EJB CallbackStore store;
  @Inject CallbackService callbacks;

  /** Query-Callback (by service when {@code serviceName} is set). */
  public List<Map<String, Object>> query(
      String serviceName, Map<String, String> params, String apiBase) {
    if (serviceName != null) {
      callbacks.definition(serviceName);
    }
    Map<String, String> properties = new LinkedHashMap<>(params);
    String operand = properties.remove("operand");
    boolean or = operand != null && operand.strip().equalsIgnoreCase("OR");
    if (operand != null && !or && !operand.strip().equalsIgnoreCase("AND")) {
      throw new InvalidRequestException("operand must be AND or OR, not '" + operand + "'");
    }
    String stateText = properties.remove("_callback_state");
    CallbackState state = null;
    boolean negate = false;
    if (stateText != null && !stateText.isBlank()) {
      String s = stateText.strip().replace("'", "");
      negate = s.startsWith("!");
      String name = negate ? s.substring(1) : s;
      state =
          CallbackState.parse(name)
              .orElseThrow(() -> new CallbackException("Unknown _callback_state: " + stateText));
    }
    String from = properties.remove("_desired_time_from");
    String to = properties.remove("_desired_time_to");
    CallbackQuery query =
        new CallbackQuery(
            serviceName,
            state,
            negate,
            null,
            from == null ? null : CallbackViews.parseTime("_desired_time_from", from),
            to == null ? null : CallbackViews.parseTime("_desired_time_to", to),
            properties,
            or);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Callback c : store.search(query, 1000)) {
      out.add(CallbackViews.of(c, apiBase));
    }
    return out;
  }
}
