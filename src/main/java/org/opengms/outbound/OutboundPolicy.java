package org.opengms.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;
import org.opengms.config.SettingsSection;
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

  /** The policy of {@code [push] outbound_allow}; a malformed range is refused with its line. */
  public static OutboundPolicy from(IniDocument doc) {
    Optional<IniDocument.Option> allow =
        doc.section("push").flatMap(s -> s.option("outbound_allow"));
    try {
      return parse(allow.map(IniDocument.Option::value).orElse(""));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          doc.source(), allow.get().line(), "outbound_allow: " + e.getMessage());
    }
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

  /** A host look-up, as the system or a test does it. */
  @FunctionalInterface
  public interface Lookup {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /**
   * The addresses of {@code host} a connection may use. A non-canonical numeric host is refused
   * before {@code lookup} is called; otherwise every looked-up address outside the policy is
   * dropped. Throws {@link UnknownHostException} with the reason when nothing is left.
   */
  public InetAddress[] permitted(String host, Lookup lookup) throws UnknownHostException {
    String refusal = NumericHosts.refusal(host);
    if (refusal != null) {
      throw new RefusedHostException(refusal);
    }
    InetAddress[] allowed =
        Arrays.stream(lookup.resolve(host))
            .filter(a -> permits(host, a))
            .toArray(InetAddress[]::new);
    if (allowed.length == 0) {
      throw new RefusedHostException(
          "refused by [push] outbound_allow: " + host + " is not a permitted address");
    }
    return allowed;
  }

  /**
   * Why {@code host} is refused whatever the allow-list says (a non-canonical numeric host), or
   * null; pure text work, nothing is looked up.
   */
  public static String hostRefusal(String host) {
    return NumericHosts.refusal(host);
  }

  /** A host refused by the policy (as opposed to one DNS does not know). */
  public static final class RefusedHostException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    RefusedHostException(String message) {
      super(message);
    }
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
      if (carriesV4(b)) {
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

  /**
   * IPv4-mapped ({@code ::ffff:a.b.c.d}) and IPv4-compatible ({@code ::a.b.c.d}, deprecated but
   * still routed by some stacks) forms are judged by the IPv4 address they carry; {@code ::} and
   * {@code ::1} are caught before as wildcard and loopback.
   */
  private static boolean carriesV4(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = b[10] == 0 && b[11] == 0;
    return mapped || compatible;
  }

  /** Registers this policy with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<OutboundPolicy> {
    public Section() {
      super(OutboundPolicy.class, OutboundPolicy::from);
    }
  }
}
