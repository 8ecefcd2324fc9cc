package org.opengms.chat.files;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import org.opengms.persistence.files.BlobReferences;

/** Tells the orphan file sweep which files chats still have (those not deleted). */
@ApplicationScoped
public class ChatFileBlobReferences implements BlobReferences {

  @EJB ChatFileStore files;

  @Override
  public Set<String> referencedBlobs(Collection<String> blobIds) {
    return files.referencedBlobs(blobIds);
  }
}
