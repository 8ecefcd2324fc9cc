package org.opengms.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressRangeTest {

  @Test
  void shouldMatchAddressesInsideThePrefixOnly() throws Exception {
    AddressRange range = AddressRange.parse("10.1.0.0/17");

    assertTrue(range.contains(InetAddress.getByName("10.1.127.255")));
    assertFalse(range.contains(InetAddress.getByName("10.1.128.0")));
    assertFalse(range.contains(InetAddress.getByName("::1")), "other family");
  }

  @Test
  void shouldTakeASingleAddressAsAFullLengthRange() throws Exception {
    assertTrue(AddressRange.parse("::1").contains(InetAddress.getByName("::1")));
    assertFalse(AddressRange.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.2")));
  }

  @Test
  void shouldRefuseNamesEvenWhenTheyLookLikeHexadecimal() {
    assertFalse(AddressRange.isLiteral("cafe.de"));
    assertFalse(AddressRange.isLiteral("1password.com"));
    assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("cafe.de/8"));
    assertThrows(IllegalArgumentException.class, () -> AddressRange.parse("10.0.0.0/33"));
  }
}
