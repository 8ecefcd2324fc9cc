package org.opengms.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name this node goes by in the cluster's node list: system property {@code gms.node.name},
 * else environment variable {@code GMS_NODE_NAME}, else the host name. Every node of a cluster
 * needs its own (two nodes on one host must be given names).
 */
public final class NodeName {

  public static final String PROPERTY = "gms.node.name";
  public static final String ENVIRONMENT = "GMS_NODE_NAME";

  private NodeName() {}

  public static String current() {
    String name = System.getProperty(PROPERTY);
    if (name == null || name.isBlank()) {
      name = System.getenv(ENVIRONMENT);
    }
    if (name == null || name.isBlank()) {
      try {
        name = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        name = "localhost";
      }
    }
    name = name.strip();
    return name.length() > 255 ? name.substring(0, 255) : name;
  }
}
