package org.opengms.api.error;

/** The GMS error shape: {@code {"message": "...", "exception": "..."}}. */
public record ErrorBody(String message, String exception) {}
