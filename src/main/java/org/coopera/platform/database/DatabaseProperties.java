package org.coopera.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives when no external database is configured.
 *
 * @param dataDirectory the embedded PostgreSQL data directory, kept across restarts
 * @param embeddedPort the port of the embedded server on loopback; 0 picks a free one
 */
@ConfigurationProperties("coopera.database")
record DatabaseProperties(
    @DefaultValue("./data/postgres") Path dataDirectory, @DefaultValue("0") int embeddedPort) {}
