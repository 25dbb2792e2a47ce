package org.coopera.bench.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch 2.19 node from the jars of Maven Central: HTTP on 127.0.0.1 (port 9200 unless
 * given), the Netty transport, the common analysis module (the language analyzers: english,
 * french, spanish, russian, arabic, cjk) and the reindex module ({@code _delete_by_query}, which
 * Hibernate Search's purge and mass indexer use). No security plugin: for a trial on one machine
 * only.
 *
 * <p>Arguments: {@code [home directory] [HTTP port]}; defaults {@code ./target/node} and 9200.
 */
public final class OpenSearchNode {

  /** Node's constructor that takes plugins from the classpath is protected. */
  private static final class ClasspathNode extends Node {
    ClasspathNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
      super(environment, plugins, true);
    }
  }

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args.length > 0 ? args[0] : "target/node").toAbsolutePath();
    String port = args.length > 1 ? args[1] : "9200";
    Files.createDirectories(home.resolve("config"));
    Files.createDirectories(home.resolve("plugins"));
    Settings settings =
        Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "coopera-trial")
            .put("node.name", "node-1")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            .put("transport.port", "9300-9399")
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            // one machine, a small heap: do not refuse writes when the disk is fuller than 85%
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
    Environment environment =
        InternalSettingsPreparer.prepareEnvironment(
            settings, Map.of(), home.resolve("config"), () -> "node-1");
    Node node =
        new ClasspathNode(
            environment, List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, ReindexPlugin.class));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    node.close();
                  } catch (Exception e) {
                    e.printStackTrace();
                  } finally {
                    stopped.countDown();
                  }
                }));
    node.start();
    System.out.println("OpenSearch node started: http://127.0.0.1:" + port);
    stopped.await();
  }
}
