package org.coopera.treaties.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.coopera.treaties.RatificationImports;
import org.coopera.treaties.importing.SourceFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On first start, the ratification sources shipped in {@code classpath:treaties/} (see its
 * SOURCE.md) are imported through the same import as an upload: the status of the 18 instruments
 * for the 193 Member States as of mid-2022, then OHCHR's ICESCR export of October 2025, whose
 * disagreements with the first are listed for the administrators. Off with {@code
 * coopera.treaties.shipped-sources=false}.
 */
@Component
class ShippedSources {

  private static final Logger log = LoggerFactory.getLogger(ShippedSources.class);

  static final String STATUS_SOURCE = "UN Treaty Collection via World Politics Datalab";
  static final LocalDate STATUS_AS_OF = LocalDate.of(2022, 6, 30);

  private final RatificationImports imports;
  private final JdbcClient jdbc;
  private final boolean enabled;

  ShippedSources(
      RatificationImports imports,
      JdbcClient jdbc,
      @Value("${coopera.treaties.shipped-sources:true}") boolean enabled) {
    this.imports = imports;
    this.jdbc = jdbc;
    this.enabled = enabled;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE + 20)
  void importShippedSources() {
    if (!enabled
        || jdbc.sql("select count(*) from ratification_import").query(Long.class).single() > 0) {
      return;
    }
    RatificationImports.Report status =
        imports.importSource(
            STATUS_SOURCE,
            RatificationImports.Format.STATUS_CSV,
            files("classpath:treaties/status/*.csv"),
            STATUS_AS_OF,
            null);
    RatificationImports.Report ohchr =
        imports.importSource(
            "OHCHR",
            RatificationImports.Format.OHCHR,
            files("classpath:treaties/ohchr/*.xls"),
            null,
            null);
    log.info(
        "Shipped ratification sources imported: {} and {} records, {} discrepancies listed",
        status.added(),
        ohchr.added() + ohchr.refined(),
        status.discrepancies().size() + ohchr.discrepancies().size());
  }

  private static List<SourceFile> files(String pattern) {
    try {
      Resource[] found = new PathMatchingResourcePatternResolver().getResources(pattern);
      Arrays.sort(found, Comparator.comparing(Resource::getFilename));
      List<SourceFile> files = new ArrayList<>();
      for (Resource r : found) {
        try (InputStream in = r.getInputStream()) {
          files.add(new SourceFile(r.getFilename(), in.readAllBytes()));
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
