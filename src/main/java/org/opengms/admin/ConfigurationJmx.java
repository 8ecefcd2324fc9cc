package org.opengms.admin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.opengms.config.ConfigurationProvider;

/** Registers the configuration MXBean as {@code org.opengms:type=Configuration}. */
@Singleton
@Startup
public class ConfigurationJmx {

  private static final Logger LOG = Logger.getLogger(ConfigurationJmx.class.getName());
  static final String NAME = "org.opengms:type=Configuration";

  @Inject ConfigurationProvider configuration;

  @PostConstruct
  void register() {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName name = new ObjectName(NAME);
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
      server.registerMBean(new View(configuration), name);
    } catch (JMException e) {
      LOG.log(Level.WARNING, "Configuration MXBean not registered", e);
    }
  }

  @PreDestroy
  void unregister() {
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(NAME));
    } catch (JMException e) {
      LOG.log(Level.FINE, "Configuration MXBean already gone", e);
    }
  }

  /** The registered object: a plain class, so JMX never calls through the EJB container. */
  record View(ConfigurationProvider configuration) implements ConfigurationMXBean {

    @Override
    public String getSource() {
      return configuration.current().document().source();
    }

    @Override
    public String getLoadedAt() {
      return configuration.current().loadedAt().toString();
    }

    @Override
    public String[] getOptions() {
      List<String> lines = new ArrayList<>();
      ConfigurationView.sections(configuration.current())
          .forEach(
              (section, options) ->
                  options.forEach((k, v) -> lines.add("[" + section + "] " + k + " = " + v)));
      return lines.toArray(String[]::new);
    }
  }
}
