package org.opengms.admin;

import java.util.Map;

/** {@code GET /1/admin/config}: where the configuration came from, when, and its options. */
public record ConfigurationResponse(
    String source, String loadedAt, Map<String, Map<String, String>> sections) {}
