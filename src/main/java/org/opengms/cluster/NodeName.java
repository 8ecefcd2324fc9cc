package org.opengms.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.opengms.config.LaunchSetting;

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
    String name = LaunchSetting.of(PROPERTY, ENVIRONMENT).orElseGet(NodeName::hostName).strip();
    return name.length() > 255 ? name.substring(0, 255) : name;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
