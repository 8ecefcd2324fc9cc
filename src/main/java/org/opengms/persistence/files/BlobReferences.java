package org.opengms.persistence.files;

import java.util.Collection;
import java.util.Set;

/**
 * A feature that keeps files in the {@link BlobStore} besides the Storage API (chat files, say)
 * says here which files it still refers to, so the orphan sweep keeps them. Implementations are CDI
 * beans, found by the sweep; storage itself need not know the features.
 */
public interface BlobReferences {

  /** Which of {@code blobIds} this feature still refers to. */
  Set<String> referencedBlobs(Collection<String> blobIds);
}
