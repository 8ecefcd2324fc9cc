package org.opengms.storage;

import org.opengms.persistence.files.StagedBlob;

/** One posted key: a text value, or an uploaded file already staged in the {@link BlobStore}. */
public sealed interface FormField {

  String name();

  record Text(String name, String value) implements FormField {}

  record File(String name, String fileName, String contentType, StagedBlob blob)
      implements FormField {}
}
