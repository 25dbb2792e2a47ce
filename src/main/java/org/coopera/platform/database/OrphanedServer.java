package org.coopera.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The PostgreSQL server a killed instance left running on its data directory. */
final class OrphanedServer {

  private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);

  private OrphanedServer() {}

  /**
   * An instance that was killed (kill -9, out of memory, power loss of the JVM only) leaves its
   * PostgreSQL server running on the data directory. Holding the lock proves no Coopera instance
   * owns it any more, so that server is stopped (a fast shutdown; PostgreSQL's own recovery keeps
   * every committed transaction) before a new one starts.
   */
  static void stop(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).strip());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> server =
        ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    if (server.isEmpty()) {
      return;
    }
    log.warn(
        "Stopping the PostgreSQL server (pid {}) left running on {} by an instance that did not"
            + " shut down cleanly",
        pid,
        dataDirectory);
    ProcessHandle process = server.get();
    interrupt(pid);
    try {
      process.onExit().get(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      process.destroyForcibly();
      process.onExit().join();
    } catch (ExecutionException e) {
      throw new IOException("Could not wait for the orphaned PostgreSQL server to stop", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while stopping the orphaned PostgreSQL server", e);
    }
  }

  /** SIGINT is PostgreSQL's fast shutdown: sessions end, the data is checkpointed. */
  private static void interrupt(long pid) throws IOException {
    try {
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).start();
      kill.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // no kill command on this system: a plain termination request does the same job
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }
  }
}
