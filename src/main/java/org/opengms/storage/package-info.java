/**
 * Storage API: areas of keys with a TTL, text values in the database and files streamed to {@code
 * <data dir>/blobs} (synced before the row naming them commits, swept when orphaned). Service
 * storage reuses it through {@link org.opengms.storage.StorageService}; chat files keep their bytes
 * in {@link org.opengms.persistence.files.BlobStore} too. Nothing else may touch its entities.
 */
package org.opengms.storage;
