package org.coopera.bench;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.coopera.identity.CooperaUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the benchmarks share: printing, timing, the signed-in administrator, the audit trail. */
final class BenchSupport {

  private BenchSupport() {}

  /** One line of the benchmark's output, marked so that it stands out of the application's log. */
  static void print(String format, Object... arguments) {
    System.out.printf(Locale.ROOT, "[bench] " + format + "%n", arguments);
  }

  /** The machine the figures come from. */
  static void printMachine(JdbcClient jdbc) {
    Runtime runtime = Runtime.getRuntime();
    print(
        "machine: %d cores, max heap %d MiB, Java %s (%s), %s %s",
        runtime.availableProcessors(),
        runtime.maxMemory() / (1024 * 1024),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"));
    print("database: %s", jdbc.sql("select version()").query(String.class).single());
  }

  /** Signs the person in on this thread, as a web request would, so the audit trail names them. */
  static void signIn(CooperaUser user) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
  }

  static void signOut() {
    SecurityContextHolder.clearContext();
  }

  static long lastAuditEntry(JdbcClient jdbc) {
    return jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
  }

  static long auditEntries(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
  }

  /** Audit entries written after entry {@code after}, by table and operation. */
  static Map<String, Long> auditEntriesSince(JdbcClient jdbc, long after) {
    Map<String, Long> counts = new TreeMap<>();
    jdbc.sql(
            "select table_name || ' ' || operation, count(*) from audit_entry where id > ?"
                + " group by 1")
        .param(after)
        .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
        .list();
    return counts;
  }

  /**
   * The trail one record at a time (the view {@code audit_record} of V24, which shows each row of a
   * bulk insert's entry as a record) since entry {@code after}, by table and operation.
   */
  static Map<String, Long> auditRecordsSince(JdbcClient jdbc, long after) {
    Map<String, Long> counts = new TreeMap<>();
    jdbc.sql(
            "select table_name || ' ' || operation, count(*) from audit_record where id > ?"
                + " group by 1")
        .param(after)
        .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
        .list();
    return counts;
  }

  /**
   * Turns on PostgreSQL's timing of PL/pgSQL functions (the audit and count triggers) and clears
   * what it measured so far: {@link #functionTimes} then tells what the triggers of one step cost,
   * which no Java profiler sees.
   */
  static void startFunctionTiming(JdbcClient jdbc) {
    jdbc.sql("alter system set track_functions = 'all'").update();
    jdbc.sql("select pg_reload_conf()").query().listOfRows();
    jdbc.sql("select pg_stat_reset()").query().listOfRows();
  }

  /** The time spent in each PL/pgSQL function since {@link #startFunctionTiming}, largest first. */
  static String functionTimes(JdbcClient jdbc) {
    // A backend reports its figures when it has been idle for a second.
    try {
      Thread.sleep(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return String.join(
        ", ",
        jdbc.sql(
                "select funcname || ' ' || calls || ' calls ' || round(total_time) || ' ms (self '"
                    + " || round(self_time) || ' ms)' from pg_stat_user_functions"
                    + " order by total_time desc")
            .query(String.class)
            .list());
  }

  /**
   * CPU time (user and system) the embedded PostgreSQL has used so far, in nanoseconds: its
   * postmaster (with the backends that have ended) and every process it runs, read from {@code
   * /proc} (Linux, database on this machine; -1 otherwise). On a machine that others load, wall
   * time moves by 2× between runs of the same code; the CPU a step costs moves far less.
   */
  static long databaseCpuNanos(JdbcClient jdbc) {
    try {
      int backend = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
      long postmaster = stat(backend)[0];
      long ticks = 0;
      try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
        for (var dir : processes.toList()) {
          String name = dir.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          long pid = Long.parseLong(name);
          long[] stat;
          try {
            stat = stat(pid);
          } catch (java.io.IOException | RuntimeException gone) {
            continue;
          }
          if (pid == postmaster) {
            ticks += stat[1] + stat[2] + stat[3] + stat[4];
          } else if (stat[0] == postmaster) {
            ticks += stat[1] + stat[2];
          }
        }
      }
      return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
  }

  /** CPU time this JVM has used so far, in nanoseconds. */
  static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Parent, utime, stime, cutime and cstime (in ticks) of a process, from /proc/pid/stat. */
  private static long[] stat(long pid) throws java.io.IOException {
    String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid + "", "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // after the command: state, ppid, ..., utime (11), stime (12), cutime (13), cstime (14)
    return new long[] {
      Long.parseLong(fields[1]),
      Long.parseLong(fields[11]),
      Long.parseLong(fields[12]),
      Long.parseLong(fields[13]),
      Long.parseLong(fields[14])
    };
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  static String perSecond(long count, long nanos) {
    return String.format(Locale.ROOT, "%,.0f/s", count / (nanos / 1e9));
  }
}
