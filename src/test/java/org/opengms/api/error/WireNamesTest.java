package org.opengms.api.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every exception type that reaches an error body has a wire name, and no two share one. */
class WireNamesTest {

  @Test
  void everyRefusalTypeHasItsOwnWireName() throws Exception {
    List<Class<?>> types = refusalTypes();
    assertTrue(types.size() >= 13, "found " + types);
    List<String> missing = new ArrayList<>();
    Map<String, Class<?>> byName = new HashMap<>();
    for (Class<?> type : types) {
      WireName name = type.getAnnotation(WireName.class);
      if (name == null) {
        missing.add(type.getName());
        continue;
      }
      Class<?> other = byName.put(name.value(), type);
      assertEquals(null, other, name.value() + " is the wire name of " + other + " and " + type);
    }
    assertEquals(List.of(), missing, "add @WireName with the name clients see");
  }

  @Test
  void theWireNameIsWhatTheBodySays() {
    assertEquals(
        "org.opengms.api.error.InvalidRequestException",
        WireNames.of(InvalidRequestException.class));
    assertEquals("java.lang.String", WireNames.of(String.class)); // not ours: its own name
    assertFalse(WireNames.of(org.opengms.callback.CallbackAvailabilityException.class).isEmpty());
  }

  /** The GmsException types among the compiled main classes. */
  private static List<Class<?>> refusalTypes() throws IOException, URISyntaxException {
    Path root =
        Path.of(GmsException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace('/', '.');
        name = name.substring(0, name.length() - ".class".length());
        if (name.endsWith("package-info")) {
          continue;
        }
        try {
          Class<?> type = Class.forName(name, false, WireNamesTest.class.getClassLoader());
          if (GmsException.class.isAssignableFrom(type)) {
            types.add(type);
          }
        } catch (ClassNotFoundException | LinkageError e) {
          // a class that needs the container to load is no exception of ours
        }
      }
    }
    return types;
  }
}
