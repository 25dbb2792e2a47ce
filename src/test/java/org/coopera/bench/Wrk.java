package org.coopera.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The HTTP load generator wrk (Debian package {@code wrk}, 4.1.0), run as a process: two threads, a
 * number of open connections, a fixed duration; a Lua script asks for the given paths in turn and
 * its {@code done} callback prints the figures in one line that this class reads.
 */
final class Wrk {

  /** What one run of wrk measured; latencies in milliseconds. */
  record Figures(
      long requests,
      double seconds,
      long non2xx,
      long socketErrors,
      double p50,
      double p90,
      double p99,
      double max,
      long bytes) {

    double perSecond() {
      return requests / seconds;
    }
  }

  private static final String DONE =
      """
      done = function(summary, latency, requests)
        local e = summary.errors
        io.write(string.format(
          "[wrk-figures] requests=%d duration_us=%d non2xx=%d socket=%d"
            .. " p50_us=%d p90_us=%d p99_us=%d max_us=%d bytes=%d\\n",
          summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
          latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
          summary.bytes))
      end
      """;

  private final Path executable;

  private Wrk(Path executable) {
    this.executable = executable;
  }

  /** wrk from the {@code PATH}, or empty when it is not installed. */
  static Optional<Wrk> find() {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String directory : path.split(":")) {
      Path candidate = Path.of(directory, "wrk");
      if (Files.isExecutable(candidate)) {
        return Optional.of(new Wrk(candidate));
      }
    }
    return Optional.empty();
  }

  /** The first line wrk prints about itself ({@code wrk 4.1.0 [epoll] …}). */
  String version() throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(executable.toString(), "-v").redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(10, TimeUnit.SECONDS);
    return out.lines().findFirst().orElse("wrk").strip();
  }

  /**
   * Runs wrk against {@code base} for {@code seconds}, with {@code connections} connections over
   * two threads, each thread asking for {@code paths} in turn (starting at a different one).
   */
  Figures run(String base, List<String> paths, int connections, int seconds, Path scratch)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile(scratch, "wrk-", ".lua");
    Files.writeString(script, script(paths), StandardCharsets.UTF_8);
    Process process =
        new ProcessBuilder(
                executable.toString(),
                "-t2",
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                script.toString(),
                base)
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroy();
      throw new IllegalStateException("wrk failed:\n" + out);
    }
    Files.delete(script);
    String line =
        out.lines()
            .filter(l -> l.startsWith("[wrk-figures]"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no figures from wrk:\n" + out));
    Map<String, Long> values = new HashMap<>();
    for (String pair : line.substring("[wrk-figures]".length()).strip().split(" ")) {
      String[] kv = pair.split("=");
      values.put(kv[0], Long.parseLong(kv[1]));
    }
    return new Figures(
        values.get("requests"),
        values.get("duration_us") / 1e6,
        values.get("non2xx"),
        values.get("socket"),
        values.get("p50_us") / 1e3,
        values.get("p90_us") / 1e3,
        values.get("p99_us") / 1e3,
        values.get("max_us") / 1e3,
        values.get("bytes"));
  }

  private static String script(List<String> paths) {
    String list =
        paths.stream().map(p -> "  \"" + lua(p) + "\"").collect(Collectors.joining(",\n"));
    return "local paths = {\n"
        + list
        + "\n}\n"
        + """
        local counter = 1
        local next_id = 0
        setup = function(thread)
          next_id = next_id + 1
          thread:set("start", next_id * 7)
        end
        init = function(args)
          counter = (start or 0) % #paths
        end
        request = function()
          counter = counter % #paths + 1
          return wrk.format("GET", paths[counter], { ["Accept-Language"] = "en" })
        end
        """
        + DONE;
  }

  private static String lua(String path) {
    return path.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
