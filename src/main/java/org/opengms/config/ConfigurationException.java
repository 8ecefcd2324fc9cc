package org.opengms.config;

/** A configuration file that cannot be used; the message names the file, the line and why. */
public class ConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigurationException(String source, int line, String reason) {
    super(source + ":" + line + ": " + reason);
  }

  public ConfigurationException(String source, String reason, Throwable cause) {
    super(source + ": " + reason, cause);
  }
}
