package org.opengms.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every resource class is served under exactly one API version. */
class RestApplicationsTest {

  @Test
  void shouldListEveryResourceInExactlyOneApplication() throws Exception {
    List<Class<?>> resources = new ArrayList<>();
    java.nio.file.Path classes = Paths.get("target/classes");
    try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace('/', '.').replace(".class", "");
        Class<?> type = Class.forName(name, false, getClass().getClassLoader());
        if (type.isAnnotationPresent(Path.class)) {
          resources.add(type);
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertTrue(resources.size() > 20, resources.toString());
    for (Class<?> resource : resources) {
      int in =
          (RestApplication.RESOURCES.contains(resource) ? 1 : 0)
              + (RestApplicationV2.RESOURCES.contains(resource) ? 1 : 0);
      assertEquals(1, in, resource.getName() + " must be in exactly one application");
    }
    assertTrue(
        new RestApplication()
            .getClasses().stream().noneMatch(RestApplicationV2.RESOURCES::contains));
    assertTrue(
        new RestApplicationV2()
            .getClasses().stream().noneMatch(RestApplication.RESOURCES::contains));
  }
}
