package org.opengms.statistics;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The networks {@code /1/internal_statistic} answers without authentication ({@code [statistics]
 * internal_networks}): a comma list of CIDR ranges or single addresses. Matched against the
 * connection's peer address, never a forwarded header a client could forge.
 */
public final class InternalNetworks {

  private final List<Range> ranges;

  private InternalNetworks(List<Range> ranges) {
    this.ranges = ranges;
  }

  /** Parses the option value; a malformed entry throws {@link IllegalArgumentException}. */
  public static InternalNetworks parse(String list) {
    return new InternalNetworks(
        Arrays.stream(list.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(Range::parse)
            .toList());
  }

  /** Whether the peer address {@code address} (an IP literal) is inside one of the networks. */
  public boolean contains(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    String literal = address.strip();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    if (!literal.matches("[0-9A-Fa-f:.]+")) {
      return false; // only literals: no name lookups on the request path
    }
    try {
      InetAddress peer = InetAddress.getByName(literal);
      return ranges.stream().anyMatch(r -> r.contains(peer));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** An address range such as {@code 10.0.0.0/8} or {@code ::1/128}. */
  private record Range(byte[] network, int prefix) {

    static Range parse(String text) {
      int slash = text.indexOf('/');
      String host = slash < 0 ? text : text.substring(0, slash);
      if (!host.matches("[0-9A-Fa-f:.]+")) {
        throw new IllegalArgumentException("not an address range: " + text);
      }
      try {
        byte[] network = InetAddress.getByName(host).getAddress();
        int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
        if (prefix < 0 || prefix > network.length * 8) {
          throw new IllegalArgumentException("bad prefix length in " + text);
        }
        return new Range(network, prefix);
      } catch (UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException("not an address range: " + text);
      }
    }

    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (a[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (a[full] & mask) == (network[full] & mask);
    }
  }
}
