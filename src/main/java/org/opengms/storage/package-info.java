/**
 * Storage API: areas of keys with a TTL, text values in the database and files streamed to {@code
 * <data dir>/blobs} (synced, swept when orphaned). Service storage reuses it through {@link
 * org.opengms.storage.StorageService}.
 */
package org.opengms.storage;
