package org.opengms.admin;

/** The effective configuration in JMX consoles (read-only; secrets masked). */
public interface ConfigurationMXBean {

  String getSource();

  String getLoadedAt();

  /** Every option as {@code [section] option = value}, in file order. */
  String[] getOptions();
}
