package org.opengms.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void shouldRefuseNonCanonicalNumericHostsBeforeAnyLookup() {
    OutboundPolicy policy = OutboundPolicy.parse("");
    List<String> lookedUp = new ArrayList<>();
    OutboundPolicy.Lookup recording =
        host -> {
          lookedUp.add(host);
          throw new AssertionError("looked up " + host);
        };
    for (String host :
        new String[] {
          "0177.0.0.1", // octal 127.0.0.1 for most tools, 177.0.0.1 for Java
          "0x7f.0.0.1",
          "0x7f000001",
          "2130706433",
          "127.1",
          "127.0.1",
          "010.0.0.1",
          "127.0.0.01",
          "256.0.0.1",
          "1.2.3.4.5",
          "127.0.0.1.",
          "example.0x10",
          "foo.123"
        }) {
      UnknownHostException refused =
          assertThrows(
              OutboundPolicy.RefusedHostException.class,
              () -> policy.permitted(host, recording),
              host);
      assertTrue(refused.getMessage().contains("canonical"), refused.getMessage());
    }
    assertEquals(List.of(), lookedUp);
  }

  @Test
  void shouldLookUpCanonicalAddressesAndNames() throws UnknownHostException {
    OutboundPolicy policy = OutboundPolicy.parse("");
    List<String> lookedUp = new ArrayList<>();
    OutboundPolicy.Lookup fixed =
        host -> {
          lookedUp.add(host);
          return new InetAddress[] {
            InetAddress.getByAddress(host, new byte[] {93, (byte) 184, 1, 2})
          };
        };

    assertEquals(1, policy.permitted("93.184.1.2", fixed).length);
    assertEquals(1, policy.permitted("hooks.example.com", fixed).length);
    assertEquals(1, policy.permitted("0x.example.com", fixed).length);
    assertEquals(List.of("93.184.1.2", "hooks.example.com", "0x.example.com"), lookedUp);
  }

  @Test
  void shouldJudgeIpv6FormsByTheIpv4AddressTheyCarry() throws UnknownHostException {
    OutboundPolicy policy = OutboundPolicy.parse("");
    for (String internal :
        new String[] {"::127.0.0.1", "::10.0.0.1", "::169.254.169.254", "::ffff:192.168.0.1"}) {
      assertFalse(policy.permits("x", v6(internal)), internal);
    }
    assertTrue(policy.permits("x", v6("::93.184.216.34")));
    assertTrue(policy.permits("x", v6("::ffff:93.184.216.34")));
    assertTrue(OutboundPolicy.parse("10.0.0.0/8").permits("x", ip("::ffff:10.0.0.1")));
  }

  @Test
  void shouldRefuseAnInternalIpv6LiteralBeforeAnyConnection() {
    OutboundPolicy policy = OutboundPolicy.parse("");
    // The lookup of a literal parses it and goes nowhere; refusal follows before any connection.
    assertThrows(
        OutboundPolicy.RefusedHostException.class,
        () -> policy.permitted("[::127.0.0.1]", h -> new InetAddress[] {v6("::127.0.0.1")}));
  }

  /** An IPv6 address from its 16 bytes: Java turns {@code ::ffff:a.b.c.d} text into IPv4. */
  private static InetAddress v6(String text) throws UnknownHostException {
    byte[] bytes = new byte[16];
    byte[] parsed = InetAddress.getByName(text).getAddress();
    if (parsed.length == 4) {
      bytes[10] = (byte) 0xff;
      bytes[11] = (byte) 0xff;
      System.arraycopy(parsed, 0, bytes, 12, 4);
    } else {
      bytes = parsed;
    }
    return java.net.Inet6Address.getByAddress(null, bytes, -1);
  }
}
