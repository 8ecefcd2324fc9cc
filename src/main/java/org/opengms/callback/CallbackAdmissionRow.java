package org.opengms.callback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.opengms.persistence.ColumnLengths;

/**
 * One row per callback service (or capacity service): every start of that service locks it first
 * ({@code SELECT ... FOR UPDATE}), so the queued cap, the daily throttle and the capacity checks
 * count and insert one start at a time, on every node. It also holds the two rate windows, so they
 * are counted once for the whole cluster.
 */
@EntityListeners(ColumnLengths.class)
@Entity
@Table(name = "callback_admission")
public class CallbackAdmissionRow {

  @Id
  @Column(name = "service_name", length = 255)
  private String serviceName;

  @Column(name = "window1_start")
  private Instant window1Start;

  @Column(name = "window1_count", nullable = false)
  private int window1Count;

  @Column(name = "window2_start")
  private Instant window2Start;

  @Column(name = "window2_count", nullable = false)
  private int window2Count;

  protected CallbackAdmissionRow() {}

  CallbackAdmissionRow(String serviceName) {
    this.serviceName = serviceName;
  }

  String serviceName() {
    return serviceName;
  }

  /**
   * Counts one start in rate window {@code n} (1 or 2), which starts at its first request and lasts
   * {@code ttlSeconds}; false (nothing counted) when the window already holds {@code limit}.
   */
  boolean countInWindow(int n, long limit, long ttlSeconds, Instant now) {
    Instant start = n == 1 ? window1Start : window2Start;
    int count = n == 1 ? window1Count : window2Count;
    if (start == null || !now.isBefore(start.plusSeconds(ttlSeconds))) {
      start = now;
      count = 0;
    }
    if (count >= limit) {
      return false;
    }
    count++;
    if (n == 1) {
      window1Start = start;
      window1Count = count;
    } else {
      window2Start = start;
      window2Count = count;
    }
    return true;
  }
}
