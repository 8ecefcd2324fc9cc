package org.opengms.patterns;

/**
 * A string that throws {@link TimeUp} when read after its deadline. The regex engine reads the
 * input through {@code charAt}, so a backtracking explosion stops soon after the deadline.
 */
final class DeadlineCharSequence implements CharSequence {

  /** Thrown when the deadline has passed. */
  static final class TimeUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TimeUp() {
      super(null, null, false, false);
    }
  }

  private static final int CHECK_EVERY = 1024;

  private final String value;
  private final long deadline;
  private int reads;

  private DeadlineCharSequence(String value, long deadlineNanos) {
    this.value = value;
    this.deadline = deadlineNanos;
  }

  static DeadlineCharSequence withTimeout(String value, long timeoutMillis) {
    return new DeadlineCharSequence(value, System.nanoTime() + timeoutMillis * 1_000_000L);
  }

  @Override
  public char charAt(int index) {
    if (++reads % CHECK_EVERY == 0 && System.nanoTime() > deadline) {
      throw new TimeUp();
    }
    return value.charAt(index);
  }

  @Override
  public int length() {
    return value.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new DeadlineCharSequence(value.substring(start, end), deadline);
  }

  @Override
  public String toString() {
    return value;
  }
}
