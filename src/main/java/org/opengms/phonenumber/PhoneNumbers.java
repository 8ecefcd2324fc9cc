package org.opengms.phonenumber;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToCarrierMapper;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads phone numbers as GMS does, with Google's libphonenumber. */
public final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  /**
   * Parses {@code number}, written internationally ({@code +33...}) or nationally for {@code
   * country} (ISO 3166 alpha-2, may be null or empty for international numbers); empty if it cannot
   * be read as a phone number at all.
   */
  public static Optional<PhoneNumber> parse(String number, String country) {
    if (number == null || number.isBlank()) {
      return Optional.empty();
    }
    String region =
        country == null || country.isBlank() ? "ZZ" : country.trim().toUpperCase(Locale.ROOT);
    try {
      return Optional.of(UTIL.parseAndKeepRawInput(number, region));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  public static boolean isValid(PhoneNumber n) {
    return UTIL.isValidNumber(n);
  }

  public static boolean isPremium(PhoneNumber n) {
    return UTIL.getNumberType(n) == PhoneNumberType.PREMIUM_RATE;
  }

  /**
   * The answer of {@code GET /1/phonenumber}: formats, type, region, validity, carrier, location
   * and time zones, under GMS's hyphenated keys.
   */
  public static Map<String, Object> describe(PhoneNumber n, Locale locale) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("number-E164", UTIL.format(n, PhoneNumberFormat.E164));
    d.put("number-international", UTIL.format(n, PhoneNumberFormat.INTERNATIONAL));
    d.put("number-national", UTIL.format(n, PhoneNumberFormat.NATIONAL));
    d.put("number-RFC3966", UTIL.format(n, PhoneNumberFormat.RFC3966));
    d.put("number-type", UTIL.getNumberType(n).name());
    d.put("region-code", UTIL.getRegionCodeForNumber(n));
    d.put("country-code", n.getCountryCode());
    d.put("country-code-source", n.getCountryCodeSource().name());
    d.put("national-number", n.getNationalNumber());
    if (n.hasExtension()) {
      d.put("extension", n.getExtension());
    }
    d.put("is-valid-number", UTIL.isValidNumber(n));
    d.put("is-possible-number", UTIL.isPossibleNumber(n));
    d.put("is-premium", isPremium(n));
    d.put("carrier", PhoneNumberToCarrierMapper.getInstance().getNameForNumber(n, locale));
    d.put("location", PhoneNumberOfflineGeocoder.getInstance().getDescriptionForNumber(n, locale));
    d.put(
        "time-zone",
        String.join(",", PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(n)));
    return d;
  }
}
