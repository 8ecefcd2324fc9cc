package org.opengms.callback;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A search for callbacks: fixed criteria (service, state, desired time window) always apply; {@code
 * properties} combine with AND, or with OR when {@code or}.
 */
record CallbackQuery(
    String service,
    CallbackState state,
    boolean negateState,
    Set<CallbackState> states,
    Instant from,
    Instant to,
    Map<String, String> properties,
    boolean or) {}
