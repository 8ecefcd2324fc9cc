package org.opengms.admin;

import java.util.Map;

/**
 * {@code GET /1/admin/config}: where the configuration came from, when, its options, and the last
 * change of the file that was refused (null when none was since this version loaded).
 */
public record ConfigurationResponse(
    String source,
    String loadedAt,
    Map<String, Map<String, String>> sections,
    RefusedChange refusedChange) {

  /** A refused edit: when, and why ({@code file:line: reason}). */
  public record RefusedChange(String at, String reason) {}
}
