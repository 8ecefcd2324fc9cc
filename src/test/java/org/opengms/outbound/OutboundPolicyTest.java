package org.opengms.outbound;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class OutboundPolicyTest {

  private static InetAddress ip(String a) throws UnknownHostException {
    return InetAddress.getByName(a);
  }

  @Test
  void shouldAllowPublicAndRefuseInternalAddressesByDefault() throws UnknownHostException {
    OutboundPolicy policy = OutboundPolicy.parse("");

    assertTrue(policy.permits("example.com", ip("93.184.216.34")));
    assertTrue(policy.permits("x", ip("2606:4700::1111")));
    for (String internal :
        new String[] {
          "127.0.0.1",
          "10.1.2.3",
          "172.16.0.1",
          "192.168.1.1",
          "169.254.169.254",
          "0.0.0.0",
          "100.64.0.1",
          "::1",
          "fd00::1",
          "fe80::1",
          "::ffff:127.0.0.1"
        }) {
      assertFalse(policy.permits("x", ip(internal)), internal);
    }
  }

  @Test
  void shouldAllowListedRangesAndHosts() throws UnknownHostException {
    OutboundPolicy policy =
        OutboundPolicy.parse("10.0.0.0/8, callbacks.internal, 192.168.1.7, fd00::/8");

    assertTrue(policy.permits("a", ip("10.200.3.4")));
    assertTrue(policy.permits("callbacks.internal", ip("172.16.9.9")));
    assertTrue(policy.permits("a", ip("192.168.1.7")));
    assertFalse(policy.permits("a", ip("192.168.1.8")));
    assertTrue(policy.permits("a", ip("fd12::1")));
    assertFalse(policy.permits("other.internal", ip("172.16.9.9")));
  }

  @Test
  void shouldRefuseMalformedRanges() {
    assertThrows(IllegalArgumentException.class, () -> OutboundPolicy.parse("10.0.0.0/40"));
    assertThrows(IllegalArgumentException.class, () -> OutboundPolicy.parse("10.0.0.0/x"));
  }
}
