package org.opengms.expiry;

/** Data that expires and is deleted in batches by the {@link ExpirySweeper}. */
public interface ExpiringData {

  /**
   * Deletes up to {@code max} expired items (one transaction) and what hangs off them.
   *
   * @return how many items were deleted; fewer than {@code max} means none are left
   */
  int deleteExpiredBatch(int max);
}
