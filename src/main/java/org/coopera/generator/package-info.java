/**
 * The data generator: a command that fills a database with realistic data at a chosen scale across
 * every module (recommendations, the national mechanisms' workspaces, assistance and projects, the
 * funds' ledgers, training events and their participants), deterministic for a seed, written with
 * PostgreSQL {@code COPY} in one transaction, for benchmarks and load tests. It writes through SQL
 * alone and asks the registry, through its public API, for the real texts it learns from and for
 * the search index's rebuild.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data generator")
package org.coopera.generator;
