package org.coopera.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** What the figures were measured on, and how much memory and disk the run took. */
final class Machine {

  private Machine() {}

  static String describe() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.availableProcessors()
        + " cores, max heap "
        + megabytes(runtime.maxMemory())
        + ", Java "
        + System.getProperty("java.version")
        + " ("
        + System.getProperty("java.vm.name")
        + "), "
        + System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch");
  }

  /** The heap in use after a full collection, and the heap the JVM holds from the system. */
  static String heapAfterGc() {
    System.gc();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return megabytes(heap.getUsed()) + " used, " + megabytes(heap.getCommitted()) + " committed";
  }

  /**
   * The resident memory of this JVM from {@code /proc/self/status}: in all, then anonymous (heap,
   * metaspace, threads, direct buffers) and file-backed (mostly the memory-mapped Lucene index,
   * which the kernel may drop and read again); null where there is no such file.
   */
  static String residentMemory() {
    try {
      Map<String, String> status = new HashMap<>();
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          status.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
      }
      return status.get("VmRSS")
          + " (RssAnon "
          + status.get("RssAnon")
          + ", RssFile "
          + status.get("RssFile")
          + ")";
    } catch (IOException e) {
      return null;
    }
  }

  /** The load average over the last 1, 5 and 15 minutes, from {@code /proc/loadavg}. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static long directorySize(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(Machine::size).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String megabytes(long bytes) {
    return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
