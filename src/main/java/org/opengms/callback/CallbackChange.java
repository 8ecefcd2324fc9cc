package org.opengms.callback;

import java.time.Instant;

/** A change to a locked callback, checked against the state it finds there. */
@FunctionalInterface
public interface CallbackChange {
  void apply(Callback callback, Instant now);
}
