package org.coopera.platform.backup;

import java.nio.file.Path;
import org.coopera.platform.StartupProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code --coopera.restore.from=<archive>}, the start-up's migrations become a restore: the
 * backup is loaded into the (empty) database, which is then migrated to this version's schema, and
 * Coopera goes on starting on the restored data (the search index rebuilt from it). A refused
 * restore stops the start with one sentence saying why; the database is left as it was.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "coopera.restore", name = "from")
class RestoreConfiguration {

  @Bean
  FlywayMigrationStrategy restoreThenMigrate(@Value("${coopera.restore.from}") Path archive) {
    return flyway -> {
      try {
        new DatabaseRestore(flyway).restore(archive);
      } catch (RestoreRefused e) {
        throw new StartupProblem(
            e.getMessage(),
            "Nothing was restored. Start without coopera.restore.from to use the database as it"
                + " is, or restore into a new data directory (COOPERA_DATA_DIR) or a new, empty"
                + " database (COOPERA_DB_URL).",
            e);
      }
    };
  }
}
