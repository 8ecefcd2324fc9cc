package org.opengms.storage;

/** A stored key's value as read back: text, or where an uploaded file's bytes are. */
public sealed interface StoredValue {

  record Text(String value) implements StoredValue {}

  record Binary(String blobId, String contentType, String fileName, long size)
      implements StoredValue {}
}
