package org.coopera.recommendations.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.coopera.recommendations.internal.Clustering;
import org.coopera.recommendations.internal.SearchIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Before the first page is served: the search index is checked against the database, and in demo
 * mode an empty registry receives the OHCHR matrices shipped in {@code
 * classpath:demo/recommendations/}, imported through the same path as any file a person uploads,
 * and the machine proposes clusters of their similar recommendations.
 */
@Component
class RegistryStartup implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(RegistryStartup.class);

  private final SearchIndex index;
  private final ImportService imports;
  private final Clustering clustering;
  private final JdbcClient jdbc;
  private final boolean demo;

  RegistryStartup(
      SearchIndex index,
      ImportService imports,
      Clustering clustering,
      JdbcClient jdbc,
      @Value("${coopera.demo:false}") boolean demo) {
    this.index = index;
    this.imports = imports;
    this.clustering = clustering;
    this.jdbc = jdbc;
    this.demo = demo;
  }

  @Override
  public void afterSingletonsInstantiated() {
    index.checkAtStart();
    if (demo && jdbc.sql("select count(*) from recommendation").query(Long.class).single() == 0) {
      importDemoMatrices();
      for (String iso3 :
          jdbc.sql("select distinct state_iso3 from recommendation order by 1")
              .query(String.class)
              .list()) {
        Clustering.Proposal proposal = clustering.proposeFor(iso3);
        log.info(
            "Demo data: {} clusters proposed for {}, holding {} of {} recommendations",
            proposal.clusters(),
            iso3,
            proposal.clustered(),
            proposal.considered());
      }
    }
  }

  private void importDemoMatrices() {
    try {
      Resource[] files =
          new PathMatchingResourcePatternResolver()
              .getResources("classpath:demo/recommendations/*.docx");
      java.util.Arrays.sort(files, java.util.Comparator.comparing(Resource::getFilename));
      for (Resource file : files) {
        byte[] content;
        try (InputStream in = file.getInputStream()) {
          content = in.readAllBytes();
        }
        ImportReport report = imports.importDemo(file.getFilename(), content);
        log.info(
            "Demo data: {} — {} rows read, {} recommendations created, {} problems",
            file.getFilename(),
            report.rowsRead(),
            report.created(),
            report.problems().size());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
