package org.opengms.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityListeners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The length rule holds for every entity: each one listed in persistence.xml has the listener. */
class EntityListenersTest {

  @Test
  void shouldCheckColumnLengthsOfEveryEntity() throws Exception {
    String xml = Files.readString(Path.of("src/main/resources/META-INF/persistence.xml"));
    Matcher m = Pattern.compile("<class>([^<]+)</class>").matcher(xml);
    int entities = 0;
    while (m.find()) {
      Class<?> entity = Class.forName(m.group(1).strip());
      EntityListeners listeners = entity.getAnnotation(EntityListeners.class);
      assertTrue(
          listeners != null && List.of(listeners.value()).contains(ColumnLengths.class),
          entity.getName() + " needs @EntityListeners(ColumnLengths.class)");
      entities++;
    }
    assertTrue(entities >= 10, "entities found: " + entities);
  }
}
