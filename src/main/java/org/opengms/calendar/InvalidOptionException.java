package org.opengms.calendar;

/** A service option the calendar cannot read; the configuration loader adds file and line. */
public class InvalidOptionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String option;

  public InvalidOptionException(String option, String reason) {
    super(option + ": " + reason);
    this.option = option;
  }

  /** The option's name, to find its line. */
  public String option() {
    return option;
  }
}
