package org.coopera.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.coopera.platform.StartupProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * PostgreSQL is the one database. With {@code COOPERA_DB_URL} (or {@code spring.datasource.url})
 * set, Coopera uses that server; otherwise it starts an embedded PostgreSQL whose data directory is
 * kept across restarts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  @Conditional(NoDatabaseUrlCondition.class)
  EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
    return EmbeddedDatabase.start(properties.dataDirectory(), properties.embeddedPort());
  }

  @Bean
  ActorAwareDataSource dataSource(
      DataSourceProperties properties,
      ObjectProvider<EmbeddedDatabase> embedded,
      Environment environment) {
    ActorAwareDataSource dataSource = new ActorAwareDataSource();
    EmbeddedDatabase database = embedded.getIfAvailable();
    if (database != null) {
      dataSource.setJdbcUrl(database.jdbcUrl());
      dataSource.setUsername(database.username());
      dataSource.setPassword(database.password());
      dataSource.setPoolName("coopera-embedded");
    } else {
      String url = properties.getUrl();
      if (!url.startsWith("jdbc:postgresql:")) {
        throw new StartupProblem(
            "The database URL '" + url + "' is not a PostgreSQL JDBC URL.",
            "Set COOPERA_DB_URL to a URL such as jdbc:postgresql://localhost:5432/coopera.");
      }
      dataSource.setJdbcUrl(url);
      dataSource.setUsername(properties.getUsername());
      dataSource.setPassword(properties.getPassword());
      dataSource.setPoolName("coopera");
    }
    dataSource.setDriverClassName("org.postgresql.Driver");
    // Hibernate's JDBC batches (hibernate.jdbc.batch_size) become multi-row INSERTs: one round
    // trip for up to 100 rows instead of one each, which is what makes large imports fast.
    dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
    Binder.get(environment)
        .bind("spring.datasource.hikari", Bindable.ofInstance((HikariDataSource) dataSource));
    verifyConnection(dataSource);
    return dataSource;
  }

  /** Fails start-up at once, with one sentence, when the configured server cannot be reached. */
  private static void verifyConnection(ActorAwareDataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      int major = connection.getMetaData().getDatabaseMajorVersion();
      if (major < 15) {
        throw new StartupProblem(
            "The database server runs PostgreSQL " + major + "; Coopera needs 15 or newer.",
            "Upgrade the server or point COOPERA_DB_URL at a newer one.");
      }
    } catch (SQLException e) {
      throw new StartupProblem(
          "Cannot connect to the database at "
              + dataSource.getJdbcUrl()
              + ": "
              + e.getMessage()
              + (e.getMessage() != null && e.getMessage().endsWith(".") ? "" : "."),
          "Check COOPERA_DB_URL, COOPERA_DB_USER and COOPERA_DB_PASSWORD, and that the server"
              + " accepts connections from this machine.",
          e);
    }
  }

  static class NoDatabaseUrlCondition implements org.springframework.context.annotation.Condition {
    @Override
    public boolean matches(
        org.springframework.context.annotation.ConditionContext context,
        org.springframework.core.type.AnnotatedTypeMetadata metadata) {
      return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
    }
  }
}
