package org.opengms.api.openapi;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import org.opengms.app.RestApplication;
import org.opengms.app.RestApplicationV2;

/**
 * What the server serves, read from the JAX-RS annotations of the resources both applications
 * register: {@code "METHOD /1/path/{}"}, with path parameters as {@code {}} (their names and
 * regular expressions are the resource's business; OpenAPI names them itself).
 */
final class ServedOperations {

  private ServedOperations() {}

  static Set<String> all() {
    Set<String> served = new TreeSet<>();
    add(served, RestApplication.class, RestApplication.RESOURCES);
    add(served, RestApplicationV2.class, RestApplicationV2.RESOURCES);
    return served;
  }

  private static void add(Set<String> served, Class<?> application, Set<Class<?>> resources) {
    String root = "/" + application.getAnnotation(ApplicationPath.class).value();
    for (Class<?> resource : resources) {
      walk(served, join(root, resource.getAnnotation(Path.class).value()), resource, 0);
    }
  }

  /** Resource methods of {@code type} under {@code prefix}, and those of its sub-resources. */
  private static void walk(Set<String> served, String prefix, Class<?> type, int depth) {
    if (depth > 5) {
      throw new AssertionError("sub-resource locators nest too deep at " + prefix);
    }
    for (Method method : type.getMethods()) {
      Path path = method.getAnnotation(Path.class);
      String full = path == null ? prefix : join(prefix, path.value());
      String http = httpMethod(method);
      if (http != null) {
        served.add(http + " " + normalize(full));
      } else if (path != null) {
        walk(served, full, method.getReturnType(), depth + 1); // a sub-resource locator
      }
    }
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  private static String join(String prefix, String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    p = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    return p.isEmpty() ? prefix : prefix + "/" + p;
  }

  /**
   * Every template {@code {name}} or {@code {name: regex}} as {@code {}}; a regex may hold braces
   * ({@code {id: [0-9]{3}}}), so this counts them.
   */
  static String normalize(String path) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (char c : path.toCharArray()) {
      if (c == '{') {
        if (depth++ == 0) {
          out.append("{}");
        }
      } else if (c == '}') {
        depth--;
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
