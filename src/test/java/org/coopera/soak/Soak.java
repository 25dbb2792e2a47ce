package org.coopera.soak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded soak test of a running Coopera in demo mode, over loopback only: many clients at once
 * for a fixed time, reading public pages and the API, reading signed-in pages, and writing through
 * the API (drafting assistance requests and changing them, planning actions in Slovenia's workspace
 * and changing them). Every answer must be the expected one (an error is any other status or a
 * failed request); every write the server acknowledged must be found afterwards as it was last
 * acknowledged; and, given the server's process id, its heap after a full collection is sampled
 * through {@code jcmd} to show whether memory stays stable.
 *
 * <p>Only the JDK is needed, so that the script runs it from source: {@code java
 * src/test/java/org/coopera/soak/Soak.java --url http://127.0.0.1:8080 --clients 100 --minutes 10
 * --pid 1234}. {@code tools/soak/soak.sh} starts a fresh demo instance and runs it. {@code SoakIT}
 * runs a short one against the tests' application in every build.
 */
public final class Soak {

  /** The demo accounts' published password (README, "Demo accounts"). */
  static final String DEMO_PASSWORD = "coopera-demo-2026";

  /** States whose demo coordinators draft requests (README, "Demo accounts"). */
  static final List<String> STATES =
      List.of(
          "SVN", "PRY", "COL", "GTM", "HTI", "KHM", "LAO", "LBN", "MAR", "MEX", "MMR", "PHL", "RUS",
          "SEN", "SLV", "TGO", "THA", "TUN");

  static final List<String> WORDS =
      List.of(
          "women",
          "torture",
          "children",
          "education",
          "%22domestic+violence%22",
          "disabilities",
          "trafficking",
          "%22national+human+rights+institution%22",
          "prison",
          "roma");

  private static final int MAX_CLIENTS = 500;
  private static final Duration MAX_DURATION = Duration.ofHours(1);

  /** What to run. */
  public record Settings(
      URI base,
      int clients,
      Duration duration,
      Duration thinkTime,
      Duration memoryInterval,
      Optional<Long> serverPid,
      long seed) {

    public Settings {
      if (clients < 1 || clients > MAX_CLIENTS) {
        throw new IllegalArgumentException(
            "--clients must be between 1 and " + MAX_CLIENTS + ", not " + clients);
      }
      if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
        throw new IllegalArgumentException(
            "the duration must be more than 0 and at most " + MAX_DURATION.toMinutes() + " min");
      }
    }
  }

  /** One kind of request's figures. */
  public record Figures(
      String operation, long count, long errors, long p50, long p95, long p99, long max) {}

  /** A heap sample: used heap after a full collection, and the process's resident memory. */
  public record MemorySample(Duration at, long heapAfterGcKb, long residentKb) {}

  /** What the run found. */
  public record Result(
      Duration ran,
      long requests,
      long errors,
      List<String> errorSamples,
      long acknowledgedWrites,
      long checkedRecords,
      List<String> lostWrites,
      List<Figures> figures,
      List<MemorySample> memory,
      Optional<String> memoryVerdict) {

    public boolean passed() {
      return errors == 0
          && lostWrites.isEmpty()
          && acknowledgedWrites > 0
          && memoryVerdict.map(v -> v.startsWith("stable")).orElse(true);
    }
  }

  public static void main(String[] args) throws Exception {
    Settings settings;
    Path report = null;
    try {
      Map<String, String> options = options(args);
      report = options.containsKey("report") ? Path.of(options.get("report")) : null;
      Duration duration =
          options.containsKey("seconds")
              ? Duration.ofSeconds(Long.parseLong(options.get("seconds")))
              : Duration.ofMinutes(Long.parseLong(options.getOrDefault("minutes", "10")));
      settings =
          new Settings(
              URI.create(options.getOrDefault("url", "http://127.0.0.1:8080")),
              Integer.parseInt(options.getOrDefault("clients", "100")),
              duration,
              Duration.ofMillis(Long.parseLong(options.getOrDefault("think-ms", "500"))),
              Duration.ofSeconds(Long.parseLong(options.getOrDefault("memory-every-s", "60"))),
              Optional.ofNullable(options.get("pid")).map(Long::parseLong),
              Long.parseLong(options.getOrDefault("seed", "20261206")));
    } catch (IllegalArgumentException e) {
      System.err.println("soak: " + e.getMessage());
      System.err.println(
          "usage: java Soak.java --url http://127.0.0.1:PORT [--clients 100] [--minutes 10 |"
              + " --seconds S] [--think-ms 500] [--pid SERVER_PID] [--memory-every-s 60]"
              + " [--report FILE.md]");
      System.exit(2);
      return;
    }
    Result result = run(settings, System.out);
    String text = describe(settings, result);
    System.out.println(text);
    if (report != null) {
      Files.createDirectories(report.toAbsolutePath().getParent());
      Files.writeString(report, text);
    }
    System.exit(result.passed() ? 0 : 1);
  }

  /** Runs the soak and checks every acknowledged write; progress lines go to {@code log}. */
  public static Result run(Settings settings, java.io.PrintStream log) throws Exception {
    requireLoopback(settings.base());
    Server server = new Server(settings.base());
    server.awaitHealthy(Duration.ofMinutes(10));
    World world = World.prepare(server);
    log.printf(
        Locale.ROOT,
        "soak: %d clients for %ds against %s (%d States with tokens, %d assignments)%n",
        settings.clients(),
        settings.duration().toSeconds(),
        settings.base(),
        world.tokens.size(),
        world.assignments.size());

    Stats stats = new Stats();
    Ledger ledger = new Ledger();
    Instant start = Instant.now();
    Instant end = start.plus(settings.duration());
    List<MemorySample> memory = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(settings.clients() + 1);
    CountDownLatch ready = new CountDownLatch(settings.clients());
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < settings.clients(); i++) {
      Client client = Client.of(i, settings, server, world, stats, ledger);
      running.add(
          pool.submit(
              () -> {
                client.prepare();
                ready.countDown();
                client.loop(end);
                return null;
              }));
    }
    Future<?> sampler =
        settings.serverPid().isEmpty()
            ? null
            : pool.submit(
                () -> {
                  sampleMemory(settings, start, end, memory, log);
                  return null;
                });
    ready.await(5, TimeUnit.MINUTES);
    for (Future<?> f : running) {
      f.get();
    }
    if (sampler != null) {
      sampler.get();
    }
    pool.shutdown();
    Duration ran = Duration.between(start, Instant.now());
    log.printf(
        Locale.ROOT,
        "soak: load over after %ds; checking every acknowledged write%n",
        ran.toSeconds());
    List<String> lost = new ArrayList<>();
    long checked = ledger.check(server, world, lost);
    world.revokeTokens(server);
    return new Result(
        ran,
        stats.requests.get(),
        stats.errors.get(),
        List.copyOf(stats.errorSamples),
        ledger.acknowledged.get(),
        checked,
        lost,
        stats.figures(),
        List.copyOf(memory),
        settings.serverPid().isEmpty() ? Optional.empty() : Optional.of(verdict(memory)));
  }

  /** The run's report, as Markdown. */
  public static String describe(Settings settings, Result result) {
    StringBuilder out = new StringBuilder();
    out.append("# Soak run\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "- %s against %s: %d clients, %d s asked (%d s ran), think time %d ms, seed %d%n",
            result.passed() ? "PASSED" : "FAILED",
            settings.base(),
            settings.clients(),
            settings.duration().toSeconds(),
            result.ran().toSeconds(),
            settings.thinkTime().toMillis(),
            settings.seed()));
    out.append(
        String.format(
            Locale.ROOT,
            "- machine: %d processors, load average %s%n",
            Runtime.getRuntime().availableProcessors(),
            loadAverage()));
    out.append(
        String.format(
            Locale.ROOT,
            "- %d requests (%.1f/s), %d errors%n",
            result.requests(),
            result.requests() / Math.max(1.0, result.ran().toMillis() / 1000.0),
            result.errors()));
    out.append(
        String.format(
            Locale.ROOT,
            "- %d writes acknowledged; %d records checked afterwards; %d lost%n",
            result.acknowledgedWrites(),
            result.checkedRecords(),
            result.lostWrites().size()));
    result.memoryVerdict().ifPresent(v -> out.append("- memory: ").append(v).append('\n'));
    out.append("\n| request | count | errors | p50 ms | p95 ms | p99 ms | max ms |\n");
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Figures f : result.figures()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %d | %d | %d |%n",
              f.operation(),
              f.count(),
              f.errors(),
              f.p50(),
              f.p95(),
              f.p99(),
              f.max()));
    }
    if (!result.memory().isEmpty()) {
      out.append("\n| at | heap after full GC (MB) | resident (MB) |\n| ---: | ---: | ---: |\n");
      for (MemorySample m : result.memory()) {
        out.append(
            String.format(
                Locale.ROOT,
                "| %d s | %.1f | %.1f |%n",
                m.at().toSeconds(),
                m.heapAfterGcKb() / 1024.0,
                m.residentKb() / 1024.0));
      }
    }
    if (!result.errorSamples().isEmpty()) {
      out.append("\nFirst errors:\n\n");
      result.errorSamples().forEach(e -> out.append("- ").append(e).append('\n'));
    }
    if (!result.lostWrites().isEmpty()) {
      out.append("\nLost writes:\n\n");
      result.lostWrites().stream().limit(50).forEach(e -> out.append("- ").append(e).append('\n'));
    }
    return out.toString();
  }

  /**
   * Memory is stable when the heap left after a full collection, from the second sample on (the
   * first is taken while caches still fill), grows by less than a quarter and 32 MB in all.
   */
  static String verdict(List<MemorySample> memory) {
    if (memory.size() < 3) {
      return "not judged: fewer than 3 samples (run longer or sample more often)";
    }
    long first = memory.get(1).heapAfterGcKb();
    long last = memory.get(memory.size() - 1).heapAfterGcKb();
    long peak = memory.stream().skip(1).mapToLong(MemorySample::heapAfterGcKb).max().orElse(last);
    long allowed = Math.max(first / 4, 32 * 1024);
    String figures =
        String.format(
            Locale.ROOT,
            "heap after full GC %.1f MB at %d s, %.1f MB at the end (peak %.1f MB; allowed growth"
                + " %.1f MB)",
            first / 1024.0,
            memory.get(1).at().toSeconds(),
            last / 1024.0,
            peak / 1024.0,
            allowed / 1024.0);
    return (last - first <= allowed ? "stable: " : "GROWING: ") + figures;
  }

  private static void sampleMemory(
      Settings settings,
      Instant start,
      Instant end,
      List<MemorySample> memory,
      java.io.PrintStream log)
      throws Exception {
    long pid = settings.serverPid().orElseThrow();
    while (true) {
      memory.add(sample(pid, Duration.between(start, Instant.now())));
      MemorySample last = memory.get(memory.size() - 1);
      log.printf(
          Locale.ROOT,
          "soak: %4ds heap after full GC %.1f MB, resident %.1f MB%n",
          last.at().toSeconds(),
          last.heapAfterGcKb() / 1024.0,
          last.residentKb() / 1024.0);
      Instant next = Instant.now().plus(settings.memoryInterval());
      if (next.isAfter(end)) {
        long wait = Duration.between(Instant.now(), end).toMillis();
        if (wait > 0) {
          Thread.sleep(wait);
        }
        memory.add(sample(pid, Duration.between(start, Instant.now())));
        return;
      }
      Thread.sleep(settings.memoryInterval().toMillis());
    }
  }

  /** The last line of a class histogram: all instances, and their bytes. */
  private static final Pattern LIVE_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

  /**
   * The bytes of the live objects, counted by a class histogram, which a full collection precedes
   * (what {@code GC.heap_info} prints after {@code GC.run} includes what 100 clients allocate in
   * between), and the process's resident memory.
   */
  static MemorySample sample(long pid, Duration at) throws IOException, InterruptedException {
    String histogram = jcmd(pid, "GC.class_histogram");
    Matcher live = LIVE_TOTAL.matcher(histogram);
    if (!live.find()) {
      throw new IllegalStateException(
          "jcmd GC.class_histogram printed no total: " + abbreviate(histogram));
    }
    long resident = 0;
    Path status = Path.of("/proc", Long.toString(pid), "status");
    if (Files.isReadable(status)) {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          resident = Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    }
    return new MemorySample(at, Long.parseLong(live.group(1)) / 1024, resident);
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
            .redirectErrorStream(true)
            .start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
    }
    return out;
  }

  /**
   * Refuses any address that is not this machine's loopback: the soak never loads a server
   * elsewhere.
   */
  static void requireLoopback(URI base) throws IOException {
    if (base.getHost() == null) {
      throw new IllegalArgumentException("no host in " + base);
    }
    for (InetAddress address : InetAddress.getAllByName(base.getHost())) {
      if (!address.isLoopbackAddress()) {
        throw new IllegalArgumentException(
            base.getHost()
                + " is not a loopback address ("
                + address.getHostAddress()
                + "): the soak test runs against this machine only");
      }
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return options;
  }

  // ---------------------------------------------------------------------------------------------

  /** The server, reached over HTTP. */
  static final class Server {
    final URI base;
    final HttpClient http;

    Server(URI base) {
      this.base = base;
      this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    void awaitHealthy(Duration within) throws InterruptedException {
      Instant deadline = Instant.now().plus(within);
      while (true) {
        try {
          HttpResponse<String> health =
              http.send(
                  HttpRequest.newBuilder(base.resolve("/actuator/health")).build(),
                  HttpResponse.BodyHandlers.ofString());
          if (health.statusCode() == 200 && health.body().contains("UP")) {
            return;
          }
        } catch (IOException e) {
          // not listening yet
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(base + " did not become healthy within " + within);
        }
        Thread.sleep(500);
      }
    }

    HttpResponse<String> send(HttpRequest.Builder request)
        throws IOException, InterruptedException {
      return http.send(
          request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder get(String path, String token) {
      HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
      return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    HttpRequest.Builder json(String method, String path, String token, String body) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(base.resolve(path))
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(body));
      return token == null ? b : b.header("Authorization", "Bearer " + token);
    }
  }

  /** What the clients share: a read-write token per State's coordinator, Slovenia's assignments. */
  static final class World {
    final Map<String, String> tokens = new LinkedHashMap<>();
    final Map<String, String> tokenIds = new LinkedHashMap<>();
    final List<String[]> assignments = new ArrayList<>(); // {assignment id, lead institution id}
    final List<String> recommendations = new ArrayList<>();
    final List<String> dashboards = new ArrayList<>();

    static World prepare(Server server) throws Exception {
      World world = new World();
      for (String state : STATES) {
        HttpResponse<String> token =
            server.send(
                server.json(
                    "POST",
                    "/api/v1/tokens",
                    null,
                    "{\"email\":\"coordinator."
                        + state.toLowerCase(Locale.ROOT)
                        + "@demo.coopera.org\",\"password\":\""
                        + DEMO_PASSWORD
                        + "\",\"name\":\"soak\",\"days\":1,\"scope\":\"read-write\"}"));
        if (token.statusCode() != 201) {
          throw new IllegalStateException(
              "no token for the coordinator of "
                  + state
                  + " ("
                  + token.statusCode()
                  + "): is the server in demo mode? "
                  + token.body());
        }
        Map<String, Object> issued = Json.object(token.body());
        world.tokens.put(state, (String) issued.get("token"));
        world.tokenIds.put(state, (String) issued.get("id"));
      }
      HttpResponse<String> assignments =
          server.send(server.get("/api/v1/workspaces/SVN/assignments", world.tokens.get("SVN")));
      for (Object a : Json.items(assignments.body())) {
        Map<?, ?> assignment = (Map<?, ?>) a;
        Map<?, ?> lead = (Map<?, ?>) assignment.get("lead");
        if (lead != null) {
          world.assignments.add(
              new String[] {(String) assignment.get("id"), (String) lead.get("id")});
        }
      }
      if (world.assignments.isEmpty()) {
        throw new IllegalStateException("Slovenia's demo workspace has no assignment");
      }
      HttpResponse<String> found =
          server.send(server.get("/api/v1/recommendations?state=SVN&size=50", null));
      for (Object r : Json.items(found.body())) {
        world.recommendations.add((String) ((Map<?, ?>) r).get("code"));
      }
      for (Object d : Json.list(server.send(server.get("/api/v1/stats", null)).body())) {
        world.dashboards.add((String) ((Map<?, ?>) d).get("key"));
      }
      if (world.recommendations.isEmpty() || world.dashboards.isEmpty()) {
        throw new IllegalStateException(
            "the demo has no recommendation of Slovenia or no dashboard");
      }
      return world;
    }

    /** Revokes the tokens the soak made, so that none outlives it. */
    void revokeTokens(Server server) throws IOException, InterruptedException {
      for (Map.Entry<String, String> e : tokenIds.entrySet()) {
        String token = tokens.get(e.getKey());
        server.send(server.get("/api/v1/tokens/" + e.getValue(), token).DELETE());
      }
    }
  }

  /** The figures of every request, by operation. */
  static final class Stats {
    final AtomicLong requests = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
    final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> failed = new ConcurrentHashMap<>();

    void record(String operation, long millis, boolean ok, String detail) {
      requests.incrementAndGet();
      latencies
          .computeIfAbsent(operation, k -> Collections.synchronizedList(new ArrayList<>()))
          .add(millis);
      if (!ok) {
        errors.incrementAndGet();
        failed.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
        if (errorSamples.size() < 20) {
          errorSamples.add(operation + ": " + detail);
        }
      }
    }

    List<Figures> figures() {
      List<Figures> all = new ArrayList<>();
      new TreeMap<>(latencies)
          .forEach(
              (operation, list) -> {
                List<Long> sorted;
                synchronized (list) {
                  sorted = new ArrayList<>(list);
                }
                Collections.sort(sorted);
                all.add(
                    new Figures(
                        operation,
                        sorted.size(),
                        failed.getOrDefault(operation, new AtomicLong()).get(),
                        percentile(sorted, 50),
                        percentile(sorted, 95),
                        percentile(sorted, 99),
                        sorted.get(sorted.size() - 1)));
              });
      return all;
    }

    private static long percentile(List<Long> sorted, int p) {
      int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
  }

  /** A record a client wrote, as the server last acknowledged it. */
  record Written(
      String kind,
      String path,
      String state,
      String title,
      String text,
      long version,
      String attempted) {

    Written(String kind, String path, String state, String title, String text, long version) {
      this(kind, path, state, title, text, version, null);
    }

    /** The change whose answer never came: the server may or may not have made it. */
    Written uncertain(String change) {
      return new Written(kind, path, state, title, text, version, change);
    }

    boolean matches(Object foundTitle, Object foundText, long foundVersion) {
      if (!title.equals(foundTitle)) {
        return false;
      }
      return (text.equals(foundText) && foundVersion == version)
          || (attempted != null && attempted.equals(foundText) && foundVersion == version + 1);
    }
  }

  /** Every acknowledged write, checked against the server at the end. */
  static final class Ledger {
    final AtomicLong acknowledged = new AtomicLong();
    final Map<String, Written> records = new ConcurrentHashMap<>();

    void acknowledge(Written written) {
      acknowledged.incrementAndGet();
      records.put(written.path(), written);
    }

    long check(Server server, World world, List<String> lost) throws Exception {
      long checked = 0;
      Map<String, List<Written>> requestsByState = new TreeMap<>();
      for (Written w : records.values()) {
        checked++;
        HttpResponse<String> found = server.send(server.get(w.path(), world.tokens.get(w.state())));
        if (found.statusCode() != 200) {
          lost.add(w.path() + ": " + found.statusCode() + " " + abbreviate(found.body()));
          continue;
        }
        Map<String, Object> json = Json.object(found.body());
        String textField = w.kind().equals("request") ? "summary" : "description";
        if (!w.matches(
            json.get("title"), json.get(textField), ((Number) json.get("version")).longValue())) {
          lost.add(
              String.format(
                  Locale.ROOT,
                  "%s: acknowledged %s / %s at version %d, found %s / %s at version %s",
                  w.path(),
                  w.title(),
                  w.text(),
                  w.version(),
                  json.get("title"),
                  json.get(textField),
                  json.get("version")));
        }
        if (w.kind().equals("request")) {
          requestsByState.computeIfAbsent(w.state(), s -> new ArrayList<>()).add(w);
        }
      }
      // the lists show them too
      for (Map.Entry<String, List<Written>> e : requestsByState.entrySet()) {
        HttpResponse<String> list =
            server.send(
                server.get(
                    "/api/v1/assistance/requests?state=" + e.getKey(),
                    world.tokens.get(e.getKey())));
        String body = list.body();
        for (Written w : e.getValue()) {
          String id = w.path().substring(w.path().lastIndexOf('/') + 1);
          if (!body.contains(id)) {
            lost.add(w.path() + ": missing from the list of " + e.getKey() + "'s requests");
          }
        }
      }
      return checked;
    }
  }

  /** One simulated person: an anonymous reader, a signed-in official, or a writer with a token. */
  static final class Client {
    final int number;
    final Settings settings;
    final Server server;
    final World world;
    final Stats stats;
    final Ledger ledger;
    final Random random;
    final String state;
    final String kind;
    final HttpClient browser;
    final List<Written> mine = new ArrayList<>();
    int written;

    private Client(
        int number, Settings settings, Server server, World world, Stats stats, Ledger ledger) {
      this.number = number;
      this.settings = settings;
      this.server = server;
      this.world = world;
      this.stats = stats;
      this.ledger = ledger;
      this.random = new Random(settings.seed() + number);
      this.state = STATES.get(number % STATES.size());
      // four in ten read anonymously, two in ten are signed in on the pages, four in ten write
      int slot = number % 10;
      this.kind = slot < 4 ? "reader" : slot < 6 ? "official" : "writer";
      this.browser =
          kind.equals("official")
              ? HttpClient.newBuilder()
                  .cookieHandler(new CookieManager())
                  .connectTimeout(Duration.ofSeconds(10))
                  .build()
              : server.http;
    }

    static Client of(
        int number, Settings settings, Server server, World world, Stats stats, Ledger ledger) {
      return new Client(number, settings, server, world, stats, ledger);
    }

    void prepare() throws Exception {
      if (kind.equals("official")) {
        // the sign-in form, with its CSRF token
        HttpResponse<String> form = call("sign-in", browser, server.get("/login", null), 200);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        if (!csrf.find()) {
          throw new IllegalStateException("the sign-in page carries no CSRF token");
        }
        String body =
            "_csrf="
                + encode(csrf.group(1))
                + "&email="
                + encode("coordinator." + state.toLowerCase(Locale.ROOT) + "@demo.coopera.org")
                + "&password="
                + encode(DEMO_PASSWORD);
        HttpResponse<String> signedIn =
            call(
                "sign-in",
                browser,
                HttpRequest.newBuilder(server.base.resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)),
                302);
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (location.contains("error")) {
          throw new IllegalStateException("sign-in refused for the coordinator of " + state);
        }
      }
    }

    void loop(Instant end) throws InterruptedException {
      while (Instant.now().isBefore(end)) {
        try {
          step();
        } catch (IOException | RuntimeException e) {
          // already counted where it happened
        }
        long think = settings.thinkTime().toMillis();
        if (think > 0) {
          Thread.sleep(think / 2 + (long) (random.nextDouble() * think));
        }
      }
    }

    private void step() throws IOException, InterruptedException {
      switch (kind) {
        case "reader" -> read();
        case "official" -> readSignedIn();
        default -> {
          int dice = random.nextInt(10);
          if (dice < 4) {
            read();
          } else {
            write();
          }
        }
      }
    }

    private void read() throws IOException, InterruptedException {
      String word = WORDS.get(random.nextInt(WORDS.size()));
      switch (random.nextInt(8)) {
        case 0, 1 ->
            call("page: search", server.http, server.get("/recommendations?q=" + word, null), 200);
        case 2 ->
            call(
                "api: search",
                server.http,
                server.get("/api/v1/recommendations?q=" + word + "&size=20", null),
                200);
        case 3 ->
            call(
                "page: recommendation",
                server.http,
                server.get(
                    "/recommendations/"
                        + encode(
                            world.recommendations.get(
                                random.nextInt(world.recommendations.size()))),
                    null),
                200);
        case 4 ->
            call("page: State profile", server.http, server.get("/states/" + state, null), 200);
        case 5, 6 -> {
          String dashboard = world.dashboards.get(random.nextInt(world.dashboards.size()));
          boolean api = random.nextBoolean();
          call(
              (api ? "api: dashboard " : "page: dashboard ") + dashboard,
              server.http,
              server.get((api ? "/api/v1/stats/" : "/dashboards/") + dashboard, null),
              200);
        }
        default -> call("page: home", server.http, server.get("/", null), 200);
      }
    }

    private void readSignedIn() throws IOException, InterruptedException {
      switch (random.nextInt(5)) {
        case 0 ->
            call(
                "page: requests (signed in)",
                browser,
                server.get("/assistance/requests", null),
                200);
        case 1 -> call("page: profile (signed in)", browser, server.get("/profile", null), 200);
        case 2 ->
            call(
                "page: search (signed in)",
                browser,
                server.get("/recommendations?q=" + WORDS.get(random.nextInt(WORDS.size())), null),
                200);
        case 3 ->
            call(
                "page: workspace (signed in)",
                browser,
                server.get(
                    state.equals("SVN") || state.equals("PRY")
                        ? "/workspace/" + state
                        : "/implementation/" + state,
                    null),
                200);
        default ->
            call(
                "page: State profile (signed in)",
                browser,
                server.get("/states/" + state, null),
                200);
      }
    }

    private void write() throws IOException, InterruptedException {
      boolean workspace = state.equals("SVN") || (number % 3 == 0);
      boolean change = !mine.isEmpty() && random.nextBoolean();
      if (change) {
        edit(mine.get(random.nextInt(mine.size())));
      } else if (workspace) {
        addAction();
      } else {
        draftRequest();
      }
    }

    private String marker() {
      return "soak " + settings.seed() + "-" + number + "-" + (++written);
    }

    private void draftRequest() throws IOException, InterruptedException {
      String title = marker();
      String summary = "summary of " + title;
      HttpResponse<String> created =
          call(
              "api: draft request",
              server.http,
              server.json(
                  "POST",
                  "/api/v1/assistance/requests",
                  world.tokens.get(state),
                  requestBody(null, title, summary)),
              201);
      Map<String, Object> json = Json.object(created.body());
      remember(
          new Written(
              "request",
              "/api/v1/assistance/requests/" + json.get("id"),
              state,
              title,
              summary,
              ((Number) json.get("version")).longValue()));
    }

    private String requestBody(Long version, String title, String summary) {
      return "{\"version\":"
          + version
          + ",\"state\":\""
          + state
          + "\",\"title\":\""
          + title
          + "\",\"summary\":\""
          + summary
          + "\",\"areas\":[\"MEDIA\"],\"forms\":[\"SEMINAR\"],\"languages\":[\"en\"],"
          + "\"priorities\":[\"First\"],\"providers\":[\"org:OHCHR\"],\"confidential\":false}";
    }

    private void addAction() throws IOException, InterruptedException {
      String[] assignment = world.assignments.get(random.nextInt(world.assignments.size()));
      String title = marker();
      String description = "description of " + title;
      HttpResponse<String> created =
          call(
              "api: add action",
              server.http,
              server.json(
                  "POST",
                  "/api/v1/workspaces/SVN/assignments/" + assignment[0] + "/actions",
                  world.tokens.get("SVN"),
                  actionBody(null, title, description, assignment[1])),
              201);
      Map<String, Object> json = Json.object(created.body());
      remember(
          new Written(
              "action:" + assignment[1],
              "/api/v1/workspaces/SVN/actions/" + json.get("id"),
              "SVN",
              title,
              description,
              ((Number) json.get("version")).longValue()));
    }

    private static String actionBody(
        Long version, String title, String description, String institution) {
      return "{\"version\":"
          + version
          + ",\"title\":\""
          + title
          + "\",\"description\":\""
          + description
          + "\",\"institution\":\""
          + institution
          + "\",\"dueDate\":\"2028-06-30\",\"estimatedCost\":1000,\"currency\":\"EUR\"}";
    }

    private void edit(Written w) throws IOException, InterruptedException {
      String text = "changed by " + marker();
      boolean request = w.kind().equals("request");
      String body =
          request
              ? requestBody(w.version(), w.title(), text)
              : actionBody(w.version(), w.title(), text, w.kind().substring("action:".length()));
      HttpResponse<String> changed;
      try {
        changed =
            call(
                request ? "api: change request" : "api: change action",
                server.http,
                server.json("PUT", w.path(), world.tokens.get(w.state()), body),
                200);
      } catch (IOException | RuntimeException e) {
        // counted as an error; the record is no longer changed, and either outcome is accepted
        mine.remove(w);
        ledger.records.put(w.path(), w.uncertain(text));
        throw e;
      }
      long version = ((Number) Json.object(changed.body()).get("version")).longValue();
      Written now = new Written(w.kind(), w.path(), w.state(), w.title(), text, version);
      mine.set(mine.indexOf(w), now);
      ledger.acknowledge(now);
    }

    private void remember(Written w) {
      mine.add(w);
      ledger.acknowledge(w);
    }

    private HttpResponse<String> call(
        String operation, HttpClient client, HttpRequest.Builder request, int expected)
        throws IOException, InterruptedException {
      long started = System.nanoTime();
      HttpResponse<String> response;
      try {
        response =
            client.send(
                request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        stats.record(operation, (System.nanoTime() - started) / 1_000_000, false, e.toString());
        throw e;
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      boolean ok = response.statusCode() == expected;
      stats.record(
          operation,
          millis,
          ok,
          response.statusCode()
              + " "
              + response.request().uri().getPath()
              + " "
              + abbreviate(response.body()));
      if (!ok) {
        throw new UncheckedIOException(
            new IOException(operation + " answered " + response.statusCode()));
      }
      return response;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String body) {
    String flat = body == null ? "" : body.replaceAll("\\s+", " ");
    return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
  }

  // ---------------------------------------------------------------------------------------------

  /** Just enough JSON to read the API's answers: objects, arrays, strings, numbers, literals. */
  static final class Json {
    private final String text;
    private int at;

    private Json(String text) {
      this.text = text;
    }

    static Object parse(String text) {
      Json json = new Json(text);
      Object value = json.value();
      json.space();
      if (json.at != text.length()) {
        throw new IllegalArgumentException("trailing characters in JSON at " + json.at);
      }
      return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String text) {
      return (Map<String, Object>) parse(text);
    }

    static List<?> list(String text) {
      Object value = parse(text);
      return value instanceof List<?> l ? l : (List<?>) ((Map<?, ?>) value).get("items");
    }

    static List<?> items(String text) {
      return list(text);
    }

    private Object value() {
      space();
      char c = text.charAt(at);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          at += 4;
          return Boolean.TRUE;
        case 'f':
          at += 5;
          return Boolean.FALSE;
        case 'n':
          at += 4;
          return null;
        default:
          return number();
      }
    }

    private Map<String, Object> object() {
      Map<String, Object> map = new LinkedHashMap<>();
      at++;
      space();
      if (text.charAt(at) == '}') {
        at++;
        return map;
      }
      while (true) {
        space();
        String key = string();
        space();
        expect(':');
        map.put(key, value());
        space();
        if (text.charAt(at) == ',') {
          at++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    private List<Object> array() {
      List<Object> list = new ArrayList<>();
      at++;
      space();
      if (text.charAt(at) == ']') {
        at++;
        return list;
      }
      while (true) {
        list.add(value());
        space();
        if (text.charAt(at) == ',') {
          at++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = text.charAt(at++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> out.append(e);
        }
      }
    }

    private Number number() {
      int start = at;
      while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      String n = text.substring(start, at);
      if (n.isEmpty()) {
        throw new IllegalArgumentException("unexpected character in JSON at " + start);
      }
      return n.contains(".") || n.contains("e") || n.contains("E")
          ? (Number) Double.valueOf(n)
          : (Number) Long.valueOf(n);
    }

    private void expect(char c) {
      if (text.charAt(at) != c) {
        throw new IllegalArgumentException("expected " + c + " in JSON at " + at);
      }
      at++;
    }

    private void space() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }
  }
}
