package org.opengms.devserver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a server process in the foreground of {@code mvn -Prun} and stops it when Maven stops
 * (Ctrl-C or SIGTERM), so no WildFly is left running. Maven's own exec goal leaves the child behind
 * on SIGTERM.
 *
 * <p>Arguments: {@code NAME=VALUE} environment entries, then {@code --}, then the command. The
 * database settings given to Maven ({@code -Dgms.db.url/user/password}) are added to {@code
 * JAVA_OPTS}: this runs inside Maven's JVM, the server in a JVM of its own that would not see them.
 */
public final class ForegroundProcess {

  private ForegroundProcess() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int separator = Arrays.asList(args).indexOf("--");
    if (separator < 0 || separator == args.length - 1) {
      throw new IllegalArgumentException("usage: NAME=VALUE... -- command args...");
    }
    List<String> command = new ArrayList<>(Arrays.asList(args).subList(separator + 1, args.length));
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    for (String entry : Arrays.asList(args).subList(0, separator)) {
      int eq = entry.indexOf('=');
      String name = entry.substring(0, eq);
      String value = entry.substring(eq + 1);
      builder.environment().put(name, "JAVA_OPTS".equals(name) ? value + databaseOptions() : value);
    }
    Process process = builder.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  process.destroy(); // SIGTERM: WildFly's launcher forwards it and stops cleanly
                  try {
                    if (!process.waitFor(60, TimeUnit.SECONDS)) {
                      process.destroyForcibly();
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }));
    int exit = process.waitFor();
    if (exit != 0 && exit != 130 && exit != 143) {
      throw new IllegalStateException("Server exited with status " + exit);
    }
  }

  private static String databaseOptions() {
    StringBuilder options = new StringBuilder();
    for (String name : List.of("gms.db.url", "gms.db.user", "gms.db.password")) {
      String value = System.getProperty(name);
      if (value != null && !value.isBlank()) {
        options.append(" -D").append(name).append('=').append(value);
      }
    }
    return options.toString();
  }
}
