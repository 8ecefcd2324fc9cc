package org.opengms.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IP address range such as {@code 10.0.0.0/8} or {@code fd00::/8}, or one address ({@code
 * 10.1.2.3}, {@code ::1}). Only literals are accepted, so parsing never looks a name up.
 *
 * @param network the range's first address
 * @param prefix how many leading bits of an address must equal {@code network}'s
 */
public record AddressRange(byte[] network, int prefix) {

  /** Whether {@code text} (without a {@code /prefix}) is an IPv4 or IPv6 literal, not a name. */
  public static boolean isLiteral(String text) {
    return text.matches("[0-9.]+") || (text.contains(":") && text.matches("[0-9A-Fa-f:.]+"));
  }

  /** Parses a range or a single address; anything else throws {@link IllegalArgumentException}. */
  public static AddressRange parse(String text) {
    int slash = text.indexOf('/');
    String host = slash < 0 ? text : text.substring(0, slash);
    if (!isLiteral(host)) {
      throw new IllegalArgumentException("not an address range: " + text);
    }
    try {
      byte[] network = InetAddress.getByName(host).getAddress();
      int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("bad prefix length in " + text);
      }
      return new AddressRange(network, prefix);
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("not an address range: " + text);
    }
  }

  public boolean contains(InetAddress address) {
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
