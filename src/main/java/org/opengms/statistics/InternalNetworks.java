package org.opengms.statistics;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.opengms.net.AddressRange;

/**
 * The networks {@code /1/internal_statistic} answers without authentication ({@code [statistics]
 * internal_networks}): a comma list of CIDR ranges or single addresses. Matched against the
 * connection's peer address, never a forwarded header a client could forge.
 */
public final class InternalNetworks {

  private final List<AddressRange> ranges;

  private InternalNetworks(List<AddressRange> ranges) {
    this.ranges = ranges;
  }

  /** Parses the option value; a malformed entry throws {@link IllegalArgumentException}. */
  public static InternalNetworks parse(String list) {
    return new InternalNetworks(
        Arrays.stream(list.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(AddressRange::parse)
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
    if (!AddressRange.isLiteral(literal)) {
      return false; // only literals: no name lookups on the request path
    }
    try {
      InetAddress peer = InetAddress.getByName(literal);
      return ranges.stream().anyMatch(r -> r.contains(peer));
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
