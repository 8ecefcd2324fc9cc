import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opengms.notification.LiveSubscription;
import org.opengms.notification.SubscriptionIndex;
import org.opengms.notification.TagFilters;
import org.opengms.notification.Target;

/**
 * Matching cost with many subscriptions: the filter index against a plain scan of all
 * subscriptions. Run by bench/notification-match.sh (java single-file launch on target/classes).
 */
public class SubscriptionMatchBench {

  public static void main(String[] args) {
    int subscriptions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Instant later = Instant.now().plusSeconds(3600);
    SubscriptionIndex index = new SubscriptionIndex();
    List<LiveSubscription> all = new ArrayList<>();
    Target target = new Target("httpcb", "http://127.0.0.1/cb", null, false);
    for (int i = 0; i < subscriptions; i++) {
      // a realistic mix: one exact filter per contact, a prefix filter per 10, a few catch-alls
      String filter =
          i % 10 == 0 ? "ors.contact." + i + ".*" : i % 20_000 == 1 ? "*" : "ors.contact." + i + ".agent.available";
      LiveSubscription s = new LiveSubscription("s" + i, "sub" + i, null, target, filter, null, later);
      index.add(s);
      all.add(s);
    }
    String[] tags = new String[1000];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = "ors.contact." + (i * 97 % subscriptions) + ".agent.available";
    }
    System.out.printf("subscriptions: %d%n", subscriptions);
    System.out.printf("index: %.2f µs per publish (matches per tag: %.1f)%n", timeIndex(index, tags), avgMatches(index, tags));
    System.out.printf("scan:  %.2f µs per publish%n", timeScan(all, tags));
  }

  private static double avgMatches(SubscriptionIndex index, String[] tags) {
    long n = 0;
    for (String t : tags) {
      n += index.match(t, Instant.now()).size();
    }
    return (double) n / tags.length;
  }

  private static double timeIndex(SubscriptionIndex index, String[] tags) {
    long sink = 0;
    for (int warm = 0; warm < 200_000; warm++) {
      sink += index.match(tags[warm % tags.length], Instant.now()).size();
    }
    int rounds = 500_000;
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      sink += index.match(tags[i % tags.length], Instant.now()).size();
    }
    long elapsed = System.nanoTime() - start;
    if (sink == 42) {
      System.out.print("");
    }
    return elapsed / 1000.0 / rounds;
  }

  private static double timeScan(List<LiveSubscription> all, String[] tags) {
    long sink = 0;
    for (int warm = 0; warm < 200; warm++) {
      sink += scan(all, tags[warm % tags.length]);
    }
    int rounds = 1000;
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      sink += scan(all, tags[i % tags.length]);
    }
    long elapsed = System.nanoTime() - start;
    if (sink == 42) {
      System.out.print("");
    }
    return elapsed / 1000.0 / rounds;
  }

  private static int scan(List<LiveSubscription> all, String tag) {
    int n = 0;
    for (LiveSubscription s : all) {
      if (TagFilters.matches(s.filter(), tag)) {
        n++;
      }
    }
    return n;
  }
}
