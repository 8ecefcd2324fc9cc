package org.opengms.storage;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.opengms.expiry.ExpiringData;
import org.opengms.persistence.files.BlobStore;

/** Expired storage areas: rows in one transaction, then their files. */
@ApplicationScoped
public class StorageExpiry implements ExpiringData {

  @EJB StorageService storage;
  @Inject BlobStore blobs;

  @Override
  public int deleteExpiredBatch(int max) {
    StorageService.SweepResult result = storage.deleteExpired(max);
    blobs.deleteAll(result.blobs());
    return result.areas();
  }

  @Override
  public String toString() {
    return "storage areas";
  }
}
