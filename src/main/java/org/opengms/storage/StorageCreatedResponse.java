package org.opengms.storage;

/** Answer to a create: {@code {"id": "..."}}. */
public record StorageCreatedResponse(String id) {}
