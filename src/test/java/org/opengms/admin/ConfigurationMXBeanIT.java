package org.opengms.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.DatabaseIndependent;
import org.opengms.testing.Deployments;

/**
 * Runs inside the server: the configuration MXBean is registered where the container's JMX console
 * looks (the platform MBean server), with secrets masked.
 */
@DatabaseIndependent
@ExtendWith(ArquillianExtension.class)
class ConfigurationMXBeanIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.war().addClass(ConfigurationMXBeanIT.class);
  }

  @Test
  void shouldShowEffectiveOptionsWithSecretsMasked() throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = new ObjectName("org.opengms:type=Configuration");

    List<String> options = Arrays.asList((String[]) server.getAttribute(name, "Options"));
    String source = (String) server.getAttribute(name, "Source");

    assertTrue(source.endsWith("it-gms.ini"), source);
    assertTrue(options.contains("[storage] max_value_bytes = 1024"), options.toString());
    assertTrue(options.contains("[user.admin] password = ********"), options.toString());
    assertTrue(options.stream().noneMatch(o -> o.contains("PBKDF2")), "no hash leaks");
  }
}
