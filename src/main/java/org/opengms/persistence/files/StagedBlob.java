package org.opengms.persistence.files;

/** A file written to the {@link BlobStore}, not yet referenced by any stored key. */
public record StagedBlob(String id, long size) {}
