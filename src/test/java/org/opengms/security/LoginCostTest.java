package org.opengms.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opengms.config.IniParser;

/** An unknown login costs what a wrong password costs, so timing does not reveal logins. */
class LoginCostTest {

  private static final int ITERATIONS = 100_000;

  private static long timed(Runnable attempt) {
    long start = System.nanoTime();
    attempt.run();
    return System.nanoTime() - start;
  }

  @Test
  void shouldSpendOnAnUnknownLoginWhatAWrongPasswordCosts() throws IOException {
    String hash = Passwords.hash("right".toCharArray(), new byte[16], ITERATIONS);
    UserSettings users =
        UserSettings.from(
            IniParser.parse(
                "t.ini",
                new StringReader("[user.alice]\npassword = " + hash + "\nroles = agent\n")));
    Runnable wrong =
        () -> assertTrue(new BasicCredentials("alice", "wrong").authenticate(users).isEmpty());
    Runnable unknown =
        () -> assertTrue(new BasicCredentials("mallory", "wrong").authenticate(users).isEmpty());
    wrong.run(); // warm-up
    unknown.run();

    // interleaved, so a busy moment of the machine weighs on both alike
    long[] wrongTimes = new long[9];
    long[] unknownTimes = new long[9];
    for (int i = 0; i < wrongTimes.length; i++) {
      wrongTimes[i] = timed(wrong);
      unknownTimes[i] = timed(unknown);
    }
    Arrays.sort(wrongTimes);
    Arrays.sort(unknownTimes);
    long wrongNanos = wrongTimes[4];
    long unknownNanos = unknownTimes[4];
    // Equal work; the bound leaves room for a busy machine, not for a shortcut (which is ~1000x).
    assertTrue(
        unknownNanos > wrongNanos / 2 && unknownNanos < wrongNanos * 2,
        "unknown " + unknownNanos / 1000 + " µs, wrong password " + wrongNanos / 1000 + " µs");
  }
}
