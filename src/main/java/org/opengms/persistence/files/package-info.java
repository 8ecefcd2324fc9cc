/**
 * Files kept for the features (Storage API and service storage binaries, chat files): streamed to
 * {@code gms.blob.dir} (default {@code <data dir>/blobs}, shared by every node of a cluster) and
 * synced before the row naming them commits ({@link org.opengms.persistence.files.BlobStore},
 * {@link org.opengms.persistence.files.StagedBlob}), and the sweep of files no feature refers to
 * ({@link org.opengms.persistence.files.OrphanBlobSweeper}), which asks each feature through {@link
 * org.opengms.persistence.files.BlobReferences}. Knows no feature.
 */
package org.opengms.persistence.files;
