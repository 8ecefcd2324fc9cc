package org.opengms.phonenumber;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /1/phonenumber?number=&country=&geocodingLocale=}: what libphonenumber reads in a
 * number.
 *
 * <pre>
 * curl 'http://localhost:8080/genesys/1/phonenumber?number=0142685300&amp;country=FR'
 *   → 200 {"number-E164":"+33142685300",...,"region-code":"FR","location":"Paris",...}
 * </pre>
 *
 * {@code country}: ISO 3166 alpha-2 region for national numbers; {@code geocodingLocale}: language
 * of {@code location} and {@code carrier} (default en). Unreadable → 400 {@code Invalid Phone
 * Number <n> for Country <c> (parsing impossible)}.
 */
@Path("phonenumber")
@Produces(MediaType.APPLICATION_JSON)
public class PhoneNumberResource {

  @GET
  public Map<String, Object> describe(
      @QueryParam("number") String number,
      @QueryParam("country") String country,
      @QueryParam("geocodingLocale") String geocodingLocale) {
    if (number == null || number.isBlank()) {
      throw new PhoneNumberException("number is mandatory");
    }
    Locale locale =
        geocodingLocale == null || geocodingLocale.isBlank()
            ? Locale.ENGLISH
            : Locale.forLanguageTag(geocodingLocale.trim().replace('_', '-'));
    return PhoneNumbers.parse(number, country)
        .map(n -> PhoneNumbers.describe(n, locale))
        .orElseThrow(
            () ->
                new PhoneNumberException(
                    "Invalid Phone Number "
                        + number
                        + " for Country "
                        + country
                        + " (parsing impossible)"));
  }
}
