package org.opengms.phonenumber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

  @Test
  void shouldDescribeANationalNumberOfItsCountry() {
    Map<String, Object> d =
        PhoneNumbers.describe(
            PhoneNumbers.parse("01 42 68 53 00", "fr").orElseThrow(), Locale.ENGLISH);

    assertEquals("+33142685300", d.get("number-E164"));
    assertEquals("+33 1 42 68 53 00", d.get("number-international"));
    assertEquals("01 42 68 53 00", d.get("number-national"));
    assertEquals("FIXED_LINE", d.get("number-type"));
    assertEquals("FR", d.get("region-code"));
    assertEquals(33, d.get("country-code"));
    assertEquals("FROM_DEFAULT_COUNTRY", d.get("country-code-source"));
    assertEquals(true, d.get("is-valid-number"));
    assertEquals(true, d.get("is-possible-number"));
    assertEquals(false, d.get("is-premium"));
    assertEquals("France", d.get("location"));
    assertEquals("Europe/Paris", d.get("time-zone"));
  }

  @Test
  void shouldReadInternationalNumbersWithoutCountryAndFindPremiumOnes() {
    var premium = PhoneNumbers.parse("+1 900 555 0100", null).orElseThrow();
    assertTrue(PhoneNumbers.isPremium(premium));
    var mobile = PhoneNumbers.parse("+44 7400 123456", "").orElseThrow();
    assertEquals("MOBILE", PhoneNumbers.describe(mobile, Locale.ENGLISH).get("number-type"));
  }

  @Test
  void shouldNotParseWhatIsNoPhoneNumber() {
    assertTrue(PhoneNumbers.parse("hello", "US").isEmpty());
    assertTrue(PhoneNumbers.parse("0142685300", null).isEmpty(), "national without a country");
    assertTrue(PhoneNumbers.parse("", "US").isEmpty());
    assertFalse(PhoneNumbers.isValid(PhoneNumbers.parse("+1 555 000", null).orElseThrow()));
  }
}
