package org.opengms.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The GMS localization file: {@code <messages><message id><locale language><entry key="text">}. A
 * {@code localizestring} event names a message id; each subscription gets the text of its {@code
 * language}, else of the language without country, else the message's first locale, with {@code
 * $customer.lastname}-style arguments (also {@code $customer.lastname$}) replaced from the event's
 * properties.
 */
public final class Localization {

  private static final Pattern ARGUMENT = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_.]*)\\$?");

  private final Map<String, Map<String, String>> messages;

  private Localization(Map<String, Map<String, String>> messages) {
    this.messages = messages;
  }

  public static Localization empty() {
    return new Localization(Map.of());
  }

  public static Localization read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  public static Localization read(InputStream in) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      Document doc = factory.newDocumentBuilder().parse(in);
      Map<String, Map<String, String>> messages = new LinkedHashMap<>();
      NodeList messageNodes = doc.getElementsByTagName("message");
      for (int i = 0; i < messageNodes.getLength(); i++) {
        Element message = (Element) messageNodes.item(i);
        Map<String, String> locales = new LinkedHashMap<>();
        NodeList localeNodes = message.getElementsByTagName("locale");
        for (int j = 0; j < localeNodes.getLength(); j++) {
          Element locale = (Element) localeNodes.item(j);
          NodeList entries = locale.getElementsByTagName("entry");
          for (int k = 0; k < entries.getLength(); k++) {
            Element entry = (Element) entries.item(k);
            if ("text".equals(entry.getAttribute("key"))) {
              locales.put(
                  normalize(locale.getAttribute("language")), unescape(entry.getTextContent()));
            }
          }
        }
        messages.put(message.getAttribute("id"), Collections.unmodifiableMap(locales));
      }
      return new Localization(Collections.unmodifiableMap(messages));
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("not a localization file: " + e.getMessage(), e);
    }
  }

  public boolean has(String messageId) {
    return messages.containsKey(messageId) && !messages.get(messageId).isEmpty();
  }

  /** The text of {@code messageId} for {@code language}, arguments replaced. */
  public Optional<String> text(String messageId, String language, Map<String, Object> properties) {
    Map<String, String> locales = messages.get(messageId);
    if (locales == null || locales.isEmpty()) {
      return Optional.empty();
    }
    String text = null;
    if (language != null && !language.isBlank()) {
      String wanted = normalize(language);
      text = locales.get(wanted);
      if (text == null && wanted.contains("_")) {
        text = locales.get(wanted.substring(0, wanted.indexOf('_')));
      }
    }
    if (text == null) {
      text = locales.values().iterator().next();
    }
    return Optional.of(replaceArguments(text, properties));
  }

  static String replaceArguments(String text, Map<String, Object> properties) {
    Matcher m = ARGUMENT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String trailingDots = "";
      while (name.endsWith(".")) {
        name = name.substring(0, name.length() - 1);
        trailingDots += ".";
      }
      Object value = lookup(properties, name);
      String replacement = value == null ? m.group() : value + trailingDots;
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** {@code customer.lastname}: a flat key of that name, else a path through nested maps. */
  @SuppressWarnings("unchecked")
  private static Object lookup(Map<String, Object> properties, String name) {
    if (properties == null) {
      return null;
    }
    if (properties.containsKey(name)) {
      return properties.get(name);
    }
    Object current = properties;
    for (String part : name.split("\\.")) {
      if (!(current instanceof Map)) {
        return null;
      }
      current = ((Map<String, Object>) current).get(part);
    }
    return current instanceof Map ? null : current;
  }

  private static String normalize(String language) {
    return language.strip().replace('-', '_').toLowerCase(Locale.ROOT);
  }

  /** The reference's files write non-ASCII characters as Java escapes (\u00A1). */
  private static String unescape(String text) {
    Matcher m = Pattern.compile("\\\\u([0-9A-Fa-f]{4})").matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }
    m.appendTail(out);
    return out.toString().strip();
  }
}
