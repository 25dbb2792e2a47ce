package org.coopera.bench;

/**
 * Runs one query on both sides, turn about (A, B, A, B…), so that whatever else loads the machine
 * meanwhile weighs on both. Each side first warms up (a number of runs, at most a quarter of its
 * budget), then is measured until it has the repetitions asked for or has spent its budget, with at
 * least one measured run.
 */
final class Contest {

  /** One run of a query: how many recommendations it found and, when known, its page part. */
  record Run(long hits, long pageNanos) {}

  /** A side of the contest. */
  interface Side {
    Run run() throws Exception;
  }

  /** How much to run: warm-up runs, measured runs, and the time budget of each side. */
  record Settings(int warmups, int repetitions, long budgetNanos) {}

  /** What one side did: its latencies, the page part of them when known, its last hit count. */
  record Outcome(Latencies total, Latencies page, int warmups, long hits) {}

  private Contest() {}

  static Outcome[] run(Side a, Side b, Settings settings) throws Exception {
    Runner first = new Runner(a, settings);
    Runner second = new Runner(b, settings);
    while (first.wantsMore() || second.wantsMore()) {
      if (first.wantsMore()) {
        first.step();
      }
      if (second.wantsMore()) {
        second.step();
      }
    }
    return new Outcome[] {first.outcome(), second.outcome()};
  }

  private static final class Runner {

    private final Side side;
    private final Settings settings;
    private final Latencies total = new Latencies();
    private final Latencies page = new Latencies();
    private int warmups;
    private long warmupNanos;
    private long measuredNanos;
    private long hits = -1;

    Runner(Side side, Settings settings) {
      this.side = side;
      this.settings = settings;
    }

    boolean warming() {
      return warmups < settings.warmups() && warmupNanos < settings.budgetNanos() / 4;
    }

    boolean wantsMore() {
      return warming()
          || total.count() == 0
          || (total.count() < settings.repetitions() && measuredNanos < settings.budgetNanos());
    }

    void step() throws Exception {
      boolean warming = warming();
      long start = System.nanoTime();
      Run run = side.run();
      long took = System.nanoTime() - start;
      hits = run.hits();
      if (warming) {
        warmups++;
        warmupNanos += took;
      } else {
        total.add(took);
        measuredNanos += took;
        if (run.pageNanos() >= 0) {
          page.add(run.pageNanos());
        }
      }
    }

    Outcome outcome() {
      return new Outcome(total, page, warmups, hits);
    }
  }
}
