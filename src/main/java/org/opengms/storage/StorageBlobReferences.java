package org.opengms.storage;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import org.opengms.persistence.files.BlobReferences;

/** Tells the orphan file sweep which files stored keys still refer to. */
@ApplicationScoped
public class StorageBlobReferences implements BlobReferences {

  @EJB StorageService storage;

  @Override
  public Set<String> referencedBlobs(Collection<String> blobIds) {
    return storage.referencedBlobs(blobIds);
  }
}
