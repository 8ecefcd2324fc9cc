package org.opengms.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.opengms.net.AddressRange;

/**
 * Where outbound HTTP (callbacks, push) may go: {@code [push] outbound_allow}, a comma list of host
 * names and CIDR ranges. Public addresses are allowed; loopback, private, link-local (with the
 * cloud metadata address), unique-local, carrier-grade NAT and wildcard addresses only when listed.
 * Checked on every resolved address at connect time, so DNS cannot rebind past it.
 */
public final class OutboundPolicy {

  private final List<String> hosts;
  private final List<AddressRange> ranges;

  private OutboundPolicy(List<String> hosts, List<AddressRange> ranges) {
    this.hosts = hosts;
    this.ranges = ranges;
  }

  /** Parses the option value; a malformed range throws {@link IllegalArgumentException}. */
  public static OutboundPolicy parse(String list) {
    List<String> hosts = new ArrayList<>();
    List<AddressRange> ranges = new ArrayList<>();
    for (String item :
        Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
      if (item.contains("/") || AddressRange.isLiteral(item)) {
        ranges.add(AddressRange.parse(item));
      } else {
        hosts.add(item.toLowerCase(Locale.ROOT));
      }
    }
    return new OutboundPolicy(List.copyOf(hosts), List.copyOf(ranges));
  }

  /** Whether a connection to {@code address}, reached by the name {@code host}, is allowed. */
  public boolean permits(String host, InetAddress address) {
    if (ranges.stream().anyMatch(r -> r.contains(address))) {
      return true;
    }
    if (host != null && hosts.contains(host.toLowerCase(Locale.ROOT))) {
      return true;
    }
    return isPublic(address);
  }

  static boolean isPublic(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      boolean carrierNat = first == 100 && second >= 64 && second <= 127;
      boolean zero = first == 0;
      boolean benchmark = first == 198 && (second == 18 || second == 19);
      return !(carrierNat || zero || benchmark);
    }
    if (a instanceof Inet6Address) {
      boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
      boolean mappedV4 = isV4Mapped(b);
      if (mappedV4) {
        try {
          return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
        } catch (UnknownHostException e) {
          return false;
        }
      }
      return !uniqueLocal;
    }
    return false;
  }

  private static boolean isV4Mapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }
}
