package org.opengms.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PatternMatcherTest {

  private static final Map<String, Pattern> PATTERNS = new LinkedHashMap<>();

  static {
    PATTERNS.put("email", Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"));
    PATTERNS.put("911", Pattern.compile("911.*"));
  }

  @Test
  void shouldAnswerReferenceExample() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("param1", "");
    params.put("param2", "john.doe@gmail.com");
    params.put("param3", "911-");

    assertEquals(
        Map.of("param2", "email", "param3", "911"), PatternMatcher.match(params, PATTERNS, 100));
  }

  @Test
  void shouldRequireWholeValueToMatch() {
    assertEquals(Map.of(), PatternMatcher.match(Map.of("p", "call 911"), PATTERNS, 100));
  }

  @Test
  void shouldGiveUpOnCatastrophicBacktrackingWithinBound() {
    Pattern evil = Pattern.compile("(a+)+b");
    String input = "a".repeat(40);
    long start = System.nanoTime();

    boolean matched = PatternMatcher.matches("evil", evil, input, 50);

    long millis = (System.nanoTime() - start) / 1_000_000;
    assertFalse(matched);
    assertTrue(millis < 5_000, "took " + millis + " ms");
  }
}
