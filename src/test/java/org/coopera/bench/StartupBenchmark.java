package org.coopera.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopera.bench.BenchSupport.print;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Start-up time and memory of the packaged application, run as people run it: {@code java -jar}
 * with a 512 MB heap ({@code coopera.bench.heap}) in a process of its own, on an embedded
 * PostgreSQL data directory that holds the demo and {@code coopera.bench.size} generated
 * recommendations. It times the first start on an empty directory, the start that finds the search
 * index behind the database and rebuilds it, and three starts with everything in place; then it
 * reads the pages, the API and the dashboards with {@code coopera.bench.clients} clients for {@code
 * coopera.bench.load-seconds}, and reports the heap in use after a full collection and the resident
 * memory of the JVM and of PostgreSQL. The baseline of the start is the same JVM starting a jar
 * that does nothing ({@code java -version}), measured in the same run.
 */
class StartupBenchmark {

  private static final Path WORK = Path.of("target/bench-startup");
  private static final Pattern STARTED =
      Pattern.compile("Started CooperaApplication in ([0-9.]+) seconds");
  private static final List<String> QUERIES =
      List.of("tibetan", "women", "%22domestic+violence%22", "torture", "education", "rights");

  private final int size = Integer.getInteger("coopera.bench.size", 100_000);
  private final String heap = System.getProperty("coopera.bench.heap", "512m");
  private final int clients = Integer.getInteger("coopera.bench.clients", 50);
  private final int loadSeconds = Integer.getInteger("coopera.bench.load-seconds", 60);

  @Test
  void startsAndServesWithinItsHeap() throws Exception {
    Path jar = packagedJar();
    deleteRecursively(WORK);
    Files.createDirectories(WORK);
    print("machine: %s; load average %s", Machine.describe(), Machine.loadAverage());
    print("jar: %s (%s); heap of the application: -Xmx%s", jar, size(jar), heap);
    print("baseline: the JVM alone (java -version), %s", seconds(jvmAlone()));

    int port = freePort();
    int databasePort = freePort();
    Instance first = Instance.start(jar, heap, port, databasePort, "first");
    print(
        "first start on an empty data directory (initdb, migrations, reference data, demo):"
            + " %s to ready (Spring: %s s)",
        seconds(first.readyNanos()), first.springSeconds());

    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl("jdbc:postgresql://localhost:" + databasePort + "/postgres");
    dataSource.setUser("postgres");
    dataSource.setPassword(Files.readString(WORK.resolve("postgres.password")).strip());
    JdbcClient jdbc = JdbcClient.create(dataSource);
    long demo = jdbc.sql("select count(*) from recommendation").query(Long.class).single();
    int generated = (int) Math.max(0, size - demo);
    CorpusGenerator corpus =
        new CorpusGenerator(
            DemoFragments.read(jdbc), ReferenceValues.read(jdbc), CorpusGenerator.SEED);
    CorpusLoader.Loaded loaded = new CorpusLoader(dataSource).load(corpus, generated);
    print(
        "loaded %,d generated recommendations beside %,d demo ones in %s",
        generated, demo, seconds(loaded.millis() * 1_000_000));
    first.stop();

    Instance rebuilding = Instance.start(jar, heap, port, databasePort, "rebuild");
    print(
        "start that finds the index behind the database and rebuilds it: %s to ready",
        seconds(rebuilding.readyNanos()));
    rebuilding.stop();

    List<Long> starts = new ArrayList<>();
    Instance warm = null;
    for (int run = 1; run <= 3; run++) {
      warm = Instance.start(jar, heap, port, databasePort, "start-" + run);
      starts.add(warm.readyNanos());
      print(
          "start %d with data and index in place: %s to ready (Spring: %s s)",
          run, seconds(warm.readyNanos()), warm.springSeconds());
      if (run < 3) {
        warm.stop();
      }
    }
    starts.sort(null);
    print("start with data and index in place, median of 3: %s", seconds(starts.get(1)));
    print("after start: %s", warm.memory());

    Load load = load(port);
    print(
        "load: %d clients for %d s over %d addresses: %,d requests, %,.0f/s, %,d not 200 (%s)",
        clients,
        loadSeconds,
        load.addresses(),
        load.requests(),
        load.requests() / (double) loadSeconds,
        load.failures(),
        load.firstFailure());
    print("after load: %s", warm.memory());
    assertThat(load.requests() - load.failures()).as("requests answered under load").isPositive();
    assertThat(warm.heapUsedMegabytes())
        .as("heap in use after a full collection, within -Xmx%s", heap)
        .isPositive()
        .isLessThan(megabytes(heap));
    warm.stop();
    print(
        "database directory %s, index %s; load average %s",
        Machine.megabytes(Machine.directorySize(WORK.resolve("postgres"))),
        Machine.megabytes(Machine.directorySize(WORK.resolve("index"))),
        Machine.loadAverage());
  }

  /** Reads a mix of pages, API calls and dashboards with as many clients as asked. */
  private Load load(int port) throws Exception {
    String base = "http://localhost:" + port;
    List<String> addresses = new ArrayList<>();
    for (String q : QUERIES) {
      addresses.add(base + "/recommendations?q=" + q);
      addresses.add(base + "/api/v1/recommendations?q=" + q);
    }
    addresses.add(base + "/recommendations?q=women&state=CHN");
    addresses.add(base + "/");
    addresses.add(base + "/states/PRY");
    addresses.add(base + "/api/v1/stats/recommendations");
    addresses.add(base + "/api/v1/stats/treaties");
    addresses.add(base + "/api/v1/stats/cooperation");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    AtomicLong requests = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    String[] firstFailure = {"none"};
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(loadSeconds);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      running.add(
          pool.submit(
              () -> {
                int i = client;
                while (System.nanoTime() < end) {
                  String address = addresses.get(i++ % addresses.size());
                  try {
                    HttpResponse<Void> response =
                        http.send(
                            HttpRequest.newBuilder(URI.create(address))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                      failures.incrementAndGet();
                      synchronized (firstFailure) {
                        if (firstFailure[0].equals("none")) {
                          firstFailure[0] = response.statusCode() + " " + address;
                        }
                      }
                    }
                  } catch (IOException e) {
                    failures.incrementAndGet();
                    synchronized (firstFailure) {
                      if (firstFailure[0].equals("none")) {
                        firstFailure[0] = e + " " + address;
                      }
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  requests.incrementAndGet();
                }
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    return new Load(addresses.size(), requests.get(), failures.get(), firstFailure[0]);
  }

  private record Load(int addresses, long requests, long failures, String firstFailure) {}

  /** One run of the packaged application in a process of its own. */
  private static final class Instance {

    private final Process process;
    private final Path log;
    private final long readyNanos;
    private long heapUsedMegabytes = -1;

    private Instance(Process process, Path log, long readyNanos) {
      this.process = process;
      this.log = log;
      this.readyNanos = readyNanos;
    }

    static Instance start(Path jar, String heap, int port, int databasePort, String name)
        throws IOException, InterruptedException {
      Path log = WORK.resolve(name + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  javaCommand(),
                  "-Xmx" + heap,
                  "-jar",
                  jar.toAbsolutePath().toString(),
                  "--server.port=" + port,
                  "--coopera.database.embedded-port=" + databasePort,
                  "--coopera.database.data-directory=" + WORK.resolve("postgres").toAbsolutePath(),
                  "--coopera.search.index-directory=" + WORK.resolve("index").toAbsolutePath(),
                  "--coopera.demo=true")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      long start = System.nanoTime();
      Process process = builder.start();
      HttpClient http = HttpClient.newHttpClient();
      URI ready = URI.create("http://localhost:" + port + "/actuator/health/readiness");
      long deadline = start + TimeUnit.MINUTES.toNanos(30);
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              name + ": the application stopped while starting; see " + log.toAbsolutePath());
        }
        try {
          if (http.send(
                      HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                  .statusCode()
              == 200) {
            return new Instance(process, log, System.nanoTime() - start);
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(100);
      }
      process.destroyForcibly();
      throw new IllegalStateException(name + ": not ready after 30 minutes; see " + log);
    }

    long readyNanos() {
      return readyNanos;
    }

    /** The heap in use after the last full collection {@link #memory()} asked for, -1 before. */
    long heapUsedMegabytes() {
      return heapUsedMegabytes;
    }

    String springSeconds() throws IOException {
      Matcher started = STARTED.matcher(Files.readString(log));
      return started.find() ? started.group(1) : "?";
    }

    /**
     * The heap in use after a full collection and the heap committed ({@code jcmd GC.heap_info}
     * after {@code GC.run}); the resident memory of the JVM and of its PostgreSQL processes.
     */
    String memory() throws IOException, InterruptedException {
      long pid = process.pid();
      run("jcmd", String.valueOf(pid), "GC.run");
      String info = run("jcmd", String.valueOf(pid), "GC.heap_info");
      Matcher heap = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
      boolean found = heap.find();
      if (found) {
        heapUsedMegabytes = Long.parseLong(heap.group(2)) / 1024;
      }
      String heapFigures =
          found
              ? String.format(
                  Locale.ROOT,
                  "heap after full GC %.0f MB used of %.0f MB committed",
                  Long.parseLong(heap.group(2)) / 1024.0,
                  Long.parseLong(heap.group(1)) / 1024.0)
              : "heap: " + info.strip();
      long javaResident = resident(pid);
      List<ProcessHandle> postgres = postgresProcesses();
      long postgresProportional = postgres.stream().mapToLong(p -> proportional(p.pid())).sum();
      return String.format(
          Locale.ROOT,
          "%s; resident JVM %.0f MB; PostgreSQL's %d processes %.0f MB (proportional set size:"
              + " shared memory counted once)",
          heapFigures,
          javaResident / 1024.0,
          postgres.size(),
          postgresProportional / 1024.0);
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /**
   * The embedded PostgreSQL server and its workers: pg_ctl starts the server detached from the JVM,
   * so they are found from the server's pid in {@code postmaster.pid}.
   */
  private static List<ProcessHandle> postgresProcesses() {
    try {
      long server =
          Long.parseLong(
              Files.readAllLines(WORK.resolve("postgres").resolve("postmaster.pid"))
                  .get(0)
                  .strip());
      return ProcessHandle.of(server)
          .map(
              p -> {
                List<ProcessHandle> all = new ArrayList<>();
                all.add(p);
                p.children().forEach(all::add);
                return all;
              })
          .orElse(List.of());
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** The proportional set size of a process in kB (smaps_rollup), 0 when it has gone. */
  private static long proportional(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
        if (line.startsWith("Pss:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | UncheckedIOException gone) {
      // the process ended
    }
    return 0;
  }

  /** VmRSS of a process in kB, 0 when it has gone. */
  private static long resident(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | UncheckedIOException gone) {
      // the process ended
    }
    return 0;
  }

  private static long jvmAlone() throws IOException, InterruptedException {
    long start = System.nanoTime();
    run(javaCommand(), "-version");
    return System.nanoTime() - start;
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    process.waitFor();
    return out;
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path packagedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(f -> f.getFileName().toString().matches("coopera-.*\\.jar"))
          .filter(f -> !f.getFileName().toString().endsWith("-plain.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "No packaged jar in target/: run through `mvn -Pbench verify`, which"
                          + " packages it first"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A JVM heap size such as {@code 512m} or {@code 2g} in megabytes. */
  private static long megabytes(String size) {
    long value = Long.parseLong(size.substring(0, size.length() - 1));
    return switch (Character.toLowerCase(size.charAt(size.length() - 1))) {
      case 'g' -> value * 1024;
      case 'm' -> value;
      default -> throw new IllegalArgumentException("a heap size such as 512m or 2g: " + size);
    };
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  private static String size(Path file) throws IOException {
    return Machine.megabytes(Files.size(file));
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
