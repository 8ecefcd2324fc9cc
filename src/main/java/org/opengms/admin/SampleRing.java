package org.opengms.admin;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The last {@code capacity} samples, oldest first; older ones are dropped, so memory is bounded.
 */
final class SampleRing<T> {

  private final int capacity;
  private final ArrayDeque<T> samples;

  SampleRing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity " + capacity);
    }
    this.capacity = capacity;
    this.samples = new ArrayDeque<>(capacity);
  }

  synchronized void add(T sample) {
    if (samples.size() == capacity) {
      samples.removeFirst();
    }
    samples.addLast(sample);
  }

  synchronized List<T> all() {
    return List.copyOf(samples);
  }
}
